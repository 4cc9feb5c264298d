package dev.storywire.faults;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Other URL forms under which real feeds deliver the same article again: {@code www.} plus tracking parameters,
 * the AMP page, the AMP cache ({@code cdn.ampproject.org}) wrapper, and upper case plus a fragment.
 */
public final class UrlForms {

    /** The forms, in the order {@link #variant(String, int)} cycles through them. */
    public enum Form { WWW_UTM, AMP, AMP_CACHE, UPPER_CASE_FRAGMENT }

    private UrlForms() {
    }

    /** {@code url} (an {@code https://host/path} URL without query) in form {@code n % 4}. */
    public static String variant(String url, int n) {
        return of(url, Form.values()[Math.floorMod(n, Form.values().length)]);
    }

    public static String of(String url, Form form) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        String path = uri.getRawPath();
        return switch (form) {
            case WWW_UTM -> "https://www." + host + path + "?utm_source=newsletter&utm_medium=email&fbclid=x"
                    + Math.abs(url.hashCode());
            case AMP -> "https://" + host + path + "/amp";
            case AMP_CACHE -> "https://" + host.replace('.', '-') + ".cdn.ampproject.org/c/s/" + host + path + "/amp";
            case UPPER_CASE_FRAGMENT -> "HTTPS://" + host.toUpperCase(Locale.ROOT) + path + "#comments";
        };
    }

    /** Every form of {@code url}. */
    public static List<String> all(String url) {
        return List.of(Form.values()).stream().map(form -> of(url, form)).toList();
    }
}
