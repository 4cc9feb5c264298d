package dev.storywire.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the many URL forms of one article into one canonical article id.
 *
 * <p>The id is scheme-less: {@code host/path?query}, with the host lower-cased and stripped of
 * {@code www.}/{@code amp.} prefixes, AMP-cache wrappers ({@code *.cdn.ampproject.org/c/s/...}) unwrapped,
 * AMP path forms ({@code /amp/...}, {@code .../amp}, {@code .amp.html}) removed, tracking query
 * parameters dropped, the remaining parameters sorted, the fragment and a trailing slash removed.
 */
public final class CanonicalUrl {

    private static final Pattern HOST_PREFIX = Pattern.compile("^(?:www\\d*|amp)\\.");
    private static final Pattern AMP_CACHE_HOST = Pattern.compile(".*\\.cdn\\.ampproject\\.org$");
    private static final Pattern AMP_CACHE_PATH = Pattern.compile("^/[cvi]/(?:s/)?(.+)$");
    private static final Pattern AMP_SEGMENT = Pattern.compile("(?:^|/)amp(?=/|$)");
    private static final Pattern AMP_HTML_SUFFIX = Pattern.compile("\\.amp(\\.html?)?$");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
            "ref_src", "ref_url", "cmpid", "cmp", "ncid", "ocid", "icid", "smid", "sr_share", "spm", "guccounter",
            "guce_referrer", "guce_referrer_sig", "mkt_tok", "soc_src", "soc_trk", "twclid", "wt.mc_id",
            "amp", "outputtype", "__twitter_impression", "rss", "feed");
    private static final Set<String> TRACKING_PREFIXES = Set.of("utm_", "pk_", "hsa_", "oly_");

    private CanonicalUrl() {
    }

    /**
     * The canonical id of {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     */
    public static String canonicalId(String url) {
        URI uri = parseHttpUrl(url).orElseThrow(
                () -> new IllegalArgumentException("not an absolute http(s) URL: '" + url + "'"));
        return canonicalId(uri);
    }

    /** The canonical id of {@code url}, or empty when it is not an absolute http(s) URL. */
    public static Optional<String> tryCanonicalId(String url) {
        return parseHttpUrl(url).map(CanonicalUrl::canonicalId);
    }

    /** Parses {@code url} leniently (spaces and stray characters are encoded); empty unless absolute http(s). */
    public static Optional<URI> parseHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(encodeStrayCharacters(trimmed));
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The canonical id of a URL already parsed by {@link #parseHttpUrl}, for callers that validate a URL and then
     * need its id, so it is parsed once.
     */
    public static String canonicalId(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        if (AMP_CACHE_HOST.matcher(host).matches()) {
            var unwrapped = AMP_CACHE_PATH.matcher(path);
            if (unwrapped.matches()) {
                Optional<URI> inner = parseHttpUrl("https://" + unwrapped.group(1) + (query == null ? "" : "?" + query));
                if (inner.isPresent()) {
                    return canonicalId(inner.get());
                }
            }
        }
        host = HOST_PREFIX.matcher(host).replaceFirst("");
        int port = uri.getPort();
        String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;
        return host + portPart + canonicalPath(path) + canonicalQuery(query);
    }

    private static String canonicalPath(String rawPath) {
        String path = rawPath;
        if (path.contains("amp")) {
            path = AMP_SEGMENT.matcher(path).replaceAll("");
            path = AMP_HTML_SUFFIX.matcher(path).replaceFirst("$1");
        }
        if (path.contains("//")) {
            path = REPEATED_SLASHES.matcher(path).replaceAll("/");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return path;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(pair);
            }
        }
        if (kept.isEmpty()) {
            return "";
        }
        kept.sort(null);
        return "?" + String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        return TRACKING_PARAMETERS.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** {@code url} with the characters {@link URI} refuses but feeds still put in URLs percent-encoded. */
    private static String encodeStrayCharacters(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            String encoded = percentEncodedStray(c);
            if (encoded != null && out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            if (encoded != null) {
                out.append(encoded);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? url : out.toString();
    }

    private static String percentEncodedStray(char c) {
        return switch (c) {
            case ' ' -> "%20";
            case '"' -> "%22";
            case '<' -> "%3C";
            case '>' -> "%3E";
            case '{' -> "%7B";
            case '}' -> "%7D";
            case '|' -> "%7C";
            case '\\' -> "%5C";
            case '^' -> "%5E";
            case '`' -> "%60";
            default -> null;
        };
    }
}
