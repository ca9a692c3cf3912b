package com.amiqo.kairos.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second DevTools protocol connection to the page the driver shows, for what Selenium's
 * {@code executeCdpCommand} cannot do: receive events (here: the service worker's
 * registration id). Plain WebSocket to the browser's debugging port, so it works with
 * whatever Chromium version is installed.
 */
final class DevToolsSession implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebSocket socket;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private DevToolsSession(String url) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(url), new Listener())
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

	/** Connects to the page target whose URL the driver currently shows. */
	static DevToolsSession forPage(ChromeDriver driver) throws Exception {
		String current = driver.getCurrentUrl();
		return connect(driver, "page", current::equals);
	}

	/**
	 * Connects to the running service worker whose script URL ends with {@code script}.
	 */
	static DevToolsSession forServiceWorker(ChromeDriver driver, String script) throws Exception {
		return connect(driver, "service_worker", url -> url.endsWith(script));
	}

	@SuppressWarnings("unchecked")
	private static DevToolsSession connect(ChromeDriver driver, String type, java.util.function.Predicate<String> url)
			throws Exception {
		Map<String, Object> options = (Map<String, Object>) driver.getCapabilities()
			.getCapability("goog:chromeOptions");
		String address = (String) options.get("debuggerAddress");
		HttpResponse<String> list = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString());
		for (JsonNode target : JSON.readTree(list.body())) {
			if (type.equals(target.path("type").asString()) && url.test(target.path("url").asString())) {
				return new DevToolsSession(target.path("webSocketDebuggerUrl").asString());
			}
		}
		throw new IllegalStateException("no DevTools " + type + " target in " + list.body());
	}

	JsonNode send(String method, Map<String, Object> params) {
		int id = ids.incrementAndGet();
		CompletableFuture<JsonNode> reply = new CompletableFuture<>();
		pending.put(id, reply);
		socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
		JsonNode result = reply.orTimeout(10, TimeUnit.SECONDS).join();
		if (result.has("error")) {
			throw new IllegalStateException(method + ": " + result.path("error"));
		}
		return result.path("result");
	}

	/** Events of the given method received so far. */
	List<JsonNode> events(String method) {
		return events.stream().filter(event -> method.equals(event.path("method").asString())).toList();
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
			.orTimeout(2, TimeUnit.SECONDS)
			.exceptionally(e -> null)
			.join();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(text.toString());
				text.setLength(0);
				if (message.has("id")) {
					CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
					if (reply != null) {
						reply.complete(message);
					}
				}
				else {
					events.add(message);
				}
			}
			webSocket.request(1);
			return null;
		}

	}

	static Duration timeout() {
		return Duration.ofSeconds(20);
	}

}
