# syntax=docker/dockerfile:1
# The storywire image: the CLI (ingest, process, lag, run, serve, broker) on a JRE, as a non-root user.
# Build: docker build -t storywire .   (docker-compose.yml does this for you)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so dependency downloads are cached while only sources change.
COPY pom.xml ./
COPY feed-model/pom.xml feed-model/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY test-support/pom.xml test-support/
COPY ingest-producer/pom.xml ingest-producer/
COPY stream-processor/pom.xml stream-processor/
COPY sink-connector/pom.xml sink-connector/
COPY ops/pom.xml ops/
COPY subscriber-api/pom.xml subscriber-api/
COPY app/pom.xml app/
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/storywire --create-home storywire
WORKDIR /opt/storywire
COPY --from=build /src/app/target/storywire.jar /opt/storywire/storywire.jar
COPY --from=build /src/app/target/lib /opt/storywire/lib
COPY --from=build /src/samples /opt/storywire/samples
USER storywire
WORKDIR /var/lib/storywire
# Size the heap from the container's memory limit, not the host's, and die cleanly on OOM so the
# orchestrator restarts the container.
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-Dstorywire.home=/opt/storywire", "-jar", "/opt/storywire/storywire.jar"]
CMD ["--help"]
