package com.amiqo.kairos.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * axe-core, the accessibility engine the browser tests inject into each page. The package
 * is not committed: the first test that needs it fetches the pinned version's tarball
 * from the npm registry (or takes the file {@code AXE_CORE_JS} names), checks it against
 * the registry's published sha512 integrity, and keeps {@code axe.min.js} under
 * {@code target/axe-core/}.
 */
final class AxeCore {

	static final String VERSION = "4.10.3";

	/** The {@code dist.integrity} npm publishes for this version. */
	private static final String INTEGRITY = "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==";

	private static final Path CACHE = Path.of("target/axe-core/axe-" + VERSION + ".min.js");

	private static String script;

	private AxeCore() {
	}

	static synchronized String script() throws IOException {
		if (script == null) {
			script = Files.readString(file(), StandardCharsets.UTF_8);
		}
		return script;
	}

	private static Path file() throws IOException {
		String given = System.getenv("AXE_CORE_JS");
		if (given != null && !given.isBlank()) {
			return Path.of(given);
		}
		if (Files.isRegularFile(CACHE)) {
			return CACHE;
		}
		String registry = System.getenv().getOrDefault("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org/");
		URI tarball = URI
			.create((registry.endsWith("/") ? registry : registry + "/") + "axe-core/-/axe-core-" + VERSION + ".tgz");
		byte[] archive;
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(20))
			.build();
		try {
			HttpResponse<byte[]> response = http.send(
					HttpRequest.newBuilder(tarball).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException("npm registry answered " + response.statusCode() + " for " + tarball);
			}
			archive = response.body();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		catch (IOException e) {
			throw new IOException("The browser tests need axe-core " + VERSION + " from the npm registry (" + tarball
					+ ") and could not fetch it; set AXE_CORE_JS to a local axe.min.js. Cause: " + e.getMessage(), e);
		}
		verify(archive);
		byte[] js = entry(archive, "package/axe.min.js");
		Files.createDirectories(CACHE.getParent());
		Path partial = Files.createTempFile(CACHE.getParent(), "axe", ".part");
		Files.write(partial, js);
		Files.move(partial, CACHE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return CACHE;
	}

	private static void verify(byte[] archive) throws IOException {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-512").digest(archive);
			byte[] expected = Base64.getDecoder().decode(INTEGRITY.substring("sha512-".length()));
			if (!MessageDigest.isEqual(digest, expected)) {
				throw new IOException("axe-core " + VERSION + " does not match its published integrity");
			}
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** One file of a gzipped tar (ustar headers of 512 bytes, data padded to 512). */
	private static byte[] entry(byte[] tgz, String name) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
			byte[] header = new byte[512];
			while (in.readNBytes(header, 0, 512) == 512) {
				String entryName = text(header, 0, 100);
				if (entryName.isEmpty()) {
					break;
				}
				String prefix = text(header, 345, 155);
				String full = prefix.isEmpty() ? entryName : prefix + "/" + entryName;
				long size = Long.parseLong(text(header, 124, 12).trim(), 8);
				byte[] data = in.readNBytes((int) size);
				long padding = (512 - size % 512) % 512;
				in.skipNBytes(padding);
				if (full.equals(name)) {
					return data;
				}
			}
		}
		throw new IOException(name + " is not in the axe-core package");
	}

	private static String text(byte[] header, int offset, int length) {
		byte[] field = Arrays.copyOfRange(header, offset, offset + length);
		int end = 0;
		while (end < field.length && field[end] != 0) {
			end++;
		}
		return new String(field, 0, end, StandardCharsets.US_ASCII);
	}

}
