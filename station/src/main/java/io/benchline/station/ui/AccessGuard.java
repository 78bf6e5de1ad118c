package io.benchline.station.ui;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who may use the station. On loopback only this machine can connect, so nothing is asked. On any
 * other address every request needs the token printed at start: in the X-Benchline-Token header
 * (a line controller), or in a cookie that visiting {@code /?token=...} once sets (a browser).
 */
final class AccessGuard {
    static final String HEADER = "X-Benchline-Token";
    static final String COOKIE = "benchline_token";

    private final Optional<String> token;

    private AccessGuard(Optional<String> token) {
        this.token = token;
    }

    static AccessGuard forAddress(String bind) {
        if (isLoopback(bind)) {
            return new AccessGuard(Optional.empty());
        }
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return new AccessGuard(Optional.of(HexFormat.of().formatHex(b)));
    }

    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    Optional<String> token() {
        return token;
    }

    /** Lets the request through, or answers it (401, or the redirect that drops ?token= from the address bar). */
    boolean admit(Context ctx) {
        if (token.isEmpty()) {
            return true;
        }
        String query = ctx.queryParam("token");
        if (query != null && same(query)) {
            Cookie c = new Cookie(COOKIE, token.get());
            c.setHttpOnly(true);
            c.setSameSite(SameSite.STRICT);
            c.setPath("/");
            ctx.cookie(c);
            ctx.redirect(ctx.path());
            return false;
        }
        if (same(ctx.header(HEADER)) || same(ctx.cookie(COOKIE))) {
            return true;
        }
        ctx.status(401)
                .contentType("text/plain; charset=utf-8")
                .result("This station needs its access token: open the address with ?token=... as printed at start, "
                        + "or send the " + HEADER + " header.\n");
        return false;
    }

    private boolean same(String given) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
    }
}
