package com.amiqo.kairos.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Firebase Auth Emulator's REST sign-in ({@code accounts:signUp},
 * {@code accounts:signInWithPassword}): same paths, same JSON, unsigned ID tokens, and
 * the CORS headers a page on another origin needs, as the real emulator sends. One
 * instance per test JVM, like {@link TestJwks}.
 */
public final class FakeAuthEmulator {

	private static final FakeAuthEmulator INSTANCE = start();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "/identitytoolkit.googleapis.com/v1/accounts:";

	private final HttpServer server;

	private final Map<String, String[]> accounts = new ConcurrentHashMap<>();

	private FakeAuthEmulator() throws IOException {
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	private static FakeAuthEmulator start() {
		try {
			return new FakeAuthEmulator();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static FakeAuthEmulator get() {
		return INSTANCE;
	}

	/** As {@code FIREBASE_AUTH_EMULATOR_HOST} is written: host and port. */
	public String hostAndPort() {
		return "localhost:" + server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
		exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "content-type");
		exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
		if (exchange.getRequestMethod().equals("OPTIONS")) {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		String path = exchange.getRequestURI().getPath();
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = JSON.readTree(in);
		}
		String email = body.path("email").asString("");
		String password = body.path("password").asString("");
		if (path.equals(BASE + "signUp")) {
			if (accounts.putIfAbsent(email, new String[] { "emu-" + UUID.randomUUID(), password }) != null) {
				reply(exchange, 400, Map.of("error", Map.of("code", 400, "message", "EMAIL_EXISTS")));
				return;
			}
		}
		else if (!path.equals(BASE + "signInWithPassword")) {
			reply(exchange, 404, Map.of("error", Map.of("code", 404, "message", "NOT_FOUND")));
			return;
		}
		String[] account = accounts.get(email);
		if (account == null || !account[1].equals(password)) {
			reply(exchange, 400, Map.of("error", Map.of("code", 400, "message", "INVALID_LOGIN_CREDENTIALS")));
			return;
		}
		String idToken = new PlainJWT(TestTokens.forUser(account[0]).claims()).serialize();
		reply(exchange, 200, Map.of("localId", account[0], "email", email, "idToken", idToken, "refreshToken",
				"refresh-" + account[0], "expiresIn", "3600"));
	}

	private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
