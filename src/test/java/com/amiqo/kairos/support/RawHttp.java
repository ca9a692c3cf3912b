package com.amiqo.kairos.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests sent byte for byte over a socket, for what HTTP client libraries refuse to
 * send (malformed request lines and encodings, encoded slashes, oversized headers, TRACE,
 * invalid UTF-8).
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response send(int port, String request) {
		return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	public static Response send(int port, byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return Response.parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code GET target} with the given extra header lines (each without CRLF). */
	public static Response get(int port, String target, String... headerLines) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return send(port, request.append("Connection: close\r\n\r\n").toString());
	}

	/**
	 * Any method, target, header lines (ISO-8859-1) and body bytes; adds Host,
	 * Content-Length and Connection.
	 */
	public static Response request(int port, String method, String target, Iterable<String> headerLines, byte[] body) {
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(target)
			.append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String line : headerLines) {
			head.append(line).append("\r\n");
		}
		if (body.length > 0) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		bytes.writeBytes(body);
		return send(port, bytes.toByteArray());
	}

	public record Response(int status, Map<String, String> headers, String body, String raw) {

		static Response parse(byte[] bytes) {
			String raw = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = raw.indexOf("\r\n\r\n");
			String head = end < 0 ? raw : raw.substring(0, end);
			String[] lines = head.split("\r\n");
			int status = lines.length > 0 && lines[0].startsWith("HTTP/1.1 ")
					? Integer.parseInt(lines[0].substring(9, 12)) : -1;
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).strip());
				}
			}
			String body = end < 0 ? "" : raw.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), raw);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
				at = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public String toString() {
			return raw.length() > 600 ? raw.substring(0, 600) : raw;
		}
	}

}
