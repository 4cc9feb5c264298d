package dev.storywire.ingest;

import java.util.List;

/** Where the {@link DirectoryFollower} delivers each batch; {@link FeedPublisher#publish(Iterable)} in production. */
@FunctionalInterface
public interface BatchSink {

    /**
     * @throws PublishException when the batch could not be written; the follower then does not checkpoint it
     */
    IngestReport publish(List<ParseResult> batch);
}
