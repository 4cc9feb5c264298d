package dev.storywire.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryMember;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryQueryTest {

    private static final Story STORY = new Story("st-0000000000000001", "Amazon extends police ban", 2,
            List.of(new StoryMember("a", "https://a", "Rekognition moratorium goes on", "AP",
                    Instant.parse("2021-05-18T10:00:00Z"), Role.PRIMARY)),
            List.of("Associated Press"), List.of("Computer Vision", "AI"), Instant.parse("2021-05-18T09:00:00Z"),
            Instant.parse("2021-05-18T10:00:00Z"), 3);

    private static StoryQuery parse(Map<String, List<String>> params) {
        return StoryQuery.parse(params, Set.of("limit"), 500);
    }

    @Test
    void shouldMatchTopicAndProviderIgnoringCase() {
        assertThat(parse(Map.of("topic", List.of("computer vision"))).matches(STORY)).isTrue();
        assertThat(parse(Map.of("provider", List.of("associated press"))).matches(STORY)).isTrue();
        assertThat(parse(Map.of("topic", List.of("Robotics"))).matches(STORY)).isFalse();
    }

    @Test
    void shouldMatchEveryWordOfQInHeadlineOrMemberTitles() {
        assertThat(parse(Map.of("q", List.of("police REKOGNITION"))).matches(STORY)).isTrue();
        assertThat(parse(Map.of("q", List.of("police tesla"))).matches(STORY)).isFalse();
    }

    @Test
    void shouldReadSinceAsInstantOrDate() {
        assertThat(parse(Map.of("since", List.of("2021-05-18"))).matches(STORY)).isTrue();
        assertThat(parse(Map.of("since", List.of("2021-05-18T10:00:01Z"))).matches(STORY)).isFalse();
    }

    @Test
    void shouldDefaultTheLimitAndRefuseOneOutOfRange() {
        assertThat(parse(Map.of()).limit()).isEqualTo(StoryQuery.DEFAULT_LIMIT);
        assertThatThrownBy(() -> parse(Map.of("limit", List.of("501"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.parameter()).isEqualTo("limit"));
    }

    @Test
    void shouldNameAnUnknownOrRepeatedParameter() {
        assertThatThrownBy(() -> parse(Map.of("sort", List.of("asc"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.parameter()).isEqualTo("sort"));
        assertThatThrownBy(() -> parse(Map.of("q", List.of("a", "b"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.parameter()).isEqualTo("q"));
    }
}
