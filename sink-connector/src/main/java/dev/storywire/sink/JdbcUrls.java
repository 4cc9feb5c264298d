package dev.storywire.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database URLs as they may be shown: in logs, exception messages and what the CLI prints. A URL can carry a
 * password in two places, both masked here while everything else (host, port, database, user, other
 * parameters) stays readable for whoever has to find out what the sink is connected to:
 * <ul>
 *   <li>the user information: {@code postgresql://u:secret@db/stories} becomes {@code postgresql://u:***@db/stories};</li>
 *   <li>a parameter whose name says it is a secret ({@code password}, {@code sslpassword}, {@code pwd},
 *       {@code secret}, {@code token}, ...) after {@code ?}, {@code &} or {@code ;}:
 *       {@code jdbc:postgresql://db/stories?user=u&password=secret} becomes {@code ...?user=u&password=***}.</li>
 * </ul>
 */
public final class JdbcUrls {

    /** What a masked secret reads as. */
    public static final String MASK = "***";

    /** {@code //user:password@}: the password runs to the {@code @} that ends the user information. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#:@\\s]*:)([^/?#@\\s]*)(@)");

    /** {@code ?password=...}, {@code &sslpassword=...}, {@code ;pwd=...}: the value runs to the next separator. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;][^=&;?#\\s]*(?:password|passwd|pwd|secret|token|credential)[^=&;?#\\s]*=)([^&;#\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private JdbcUrls() {
    }

    /** {@code url} with its passwords replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = replaceSecrets(USER_INFO_PASSWORD, url);
        return replaceSecrets(SECRET_PARAMETER, masked);
    }

    private static String replaceSecrets(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String tail = matcher.groupCount() >= 3 ? matcher.group(3) : "";
            String replacement = matcher.group(2).isEmpty() ? matcher.group() : matcher.group(1) + MASK + tail;
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
