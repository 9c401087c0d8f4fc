package dev.halyard.common.http;

import java.util.regex.Pattern;

/** Names of the correlation id in HTTP headers and in the logging MDC. */
public final class CorrelationId {

    /** Request and response header; a valid incoming value is kept so calls across services share one id. */
    public static final String HEADER = "X-Request-Id";
    /** MDC key, printed by the dev log format and included in JSON logs. */
    public static final String MDC_KEY = "correlation_id";

    private CorrelationId() {
    }

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    /** Accepts client-supplied ids only if they are short and harmless in logs and headers. */
    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }
}
