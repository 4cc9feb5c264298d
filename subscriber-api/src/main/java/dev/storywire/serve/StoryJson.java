package dev.storywire.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Story;
import dev.storywire.model.StoryMember;
import dev.storywire.serve.store.StoryReadModel.MemberView;
import java.time.Instant;
import java.util.List;

/** The JSON the API answers with (documented in openapi.json). */
public final class StoryJson {

    private StoryJson() {
    }

    /** A story in a list or an event: headline, size, providers, topics, first seen, last updated. */
    public static ObjectNode summary(Story story) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", story.storyId());
        node.put("headline", story.headline());
        node.put("size", story.articleCount());
        node.put("members", story.members().size());
        strings(node.putArray("providers"), story.providers());
        strings(node.putArray("topics"), story.topics());
        instant(node, "firstSeen", story.firstSeen());
        instant(node, "lastUpdated", story.lastUpdated());
        node.put("version", story.version());
        return node;
    }

    /** A story with its articles: role, provider, url, published time and resolved related coverage. */
    public static ObjectNode detail(Story story, List<MemberView> members) {
        ObjectNode node = summary(story);
        ArrayNode articles = node.putArray("articles");
        for (MemberView view : members) {
            StoryMember member = view.member();
            ObjectNode article = articles.addObject();
            article.put("id", member.articleId());
            article.put("role", member.role() == null ? null : member.role().wireName());
            article.put("title", member.title());
            article.put("provider", member.provider());
            article.put("url", member.url());
            instant(article, "publishedAt", member.publishedAt());
            Article full = view.article() == null ? null : view.article().article();
            if (full != null && full.excerpt() != null) {
                article.put("excerpt", full.excerpt());
            }
            ArrayNode related = article.putArray("related");
            if (view.article() != null) {
                for (ResolvedRelated item : view.article().related()) {
                    ObjectNode r = related.addObject();
                    r.put("id", item.articleId());
                    r.put("storyId", item.storyId());
                    r.put("title", item.title());
                    r.put("url", item.webUrl());
                }
            }
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void instant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        } else {
            node.putNull(field);
        }
    }
}
