package com.amiqo.kairos.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The push services the server may post to, so a subscription can never make it call an
 * arbitrary URL. An endpoint passes when it is an absolute {@code https} URL without user
 * info or fragment whose host matches an entry:
 * <ul>
 * <li>{@code host} matches exactly that host (compared case-insensitively) on the default
 * port 443;</li>
 * <li>{@code *.domain} matches any host that ends with {@code .domain} (one label or
 * more; {@code domain} itself does not match), on port 443;</li>
 * <li>either form with {@code :port} matches that port instead of 443 (for tests' stubs
 * on {@code localhost}).</li>
 * </ul>
 * Checked when a subscription is stored and again before every push.
 */
final class PushServiceAllowlist {

	/**
	 * The browser vendors' push services: Chrome/Edge (FCM), Firefox, Safari, legacy
	 * Edge.
	 */
	static final List<String> BROWSER_VENDORS = List.of("fcm.googleapis.com", "updates.push.services.mozilla.com",
			"*.push.apple.com", "*.notify.windows.com");

	static final int MAX_ENDPOINT_LENGTH = 2048;

	private final List<Entry> entries;

	private record Entry(String host, boolean wildcard, int port) {

		boolean matches(String candidate, int candidatePort) {
			if (candidatePort != port) {
				return false;
			}
			return wildcard ? candidate.endsWith("." + host) && candidate.length() > host.length() + 1
					: candidate.equals(host);
		}

	}

	PushServiceAllowlist(List<String> hosts) {
		this.entries = hosts.stream()
			.map(String::strip)
			.filter(h -> !h.isEmpty())
			.map(PushServiceAllowlist::entry)
			.toList();
	}

	private static Entry entry(String value) {
		String host = value.toLowerCase(Locale.ROOT);
		int port = 443;
		int colon = host.lastIndexOf(':');
		if (colon > 0) {
			port = host.substring(colon + 1).matches("[0-9]{1,5}") ? Integer.parseInt(host.substring(colon + 1)) : -1;
			host = host.substring(0, colon);
		}
		boolean wildcard = host.startsWith("*.");
		host = wildcard ? host.substring(2) : host;
		if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*") || port < 1
				|| port > 65535) {
			throw new IllegalArgumentException(
					"WEB_PUSH_ALLOWED_HOSTS entries must be host names, optionally *.domain and :port");
		}
		return new Entry(host, wildcard, port);
	}

	/** Whether every entry is well formed; for the settings check. */
	static @Nullable String problem(List<String> hosts) {
		try {
			new PushServiceAllowlist(hosts);
			return null;
		}
		catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	/** Why the endpoint may not be posted to, or null when it may. */
	@Nullable String refusal(String endpoint) {
		if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
			return "must be at most " + MAX_ENDPOINT_LENGTH + " characters";
		}
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException e) {
			return "must be an absolute https URL";
		}
		if (!uri.isAbsolute() || !"https".equals(uri.getScheme()) || uri.getHost() == null || uri.isOpaque()) {
			return "must be an absolute https URL";
		}
		if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return "must not carry user info or a fragment";
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort() == -1 ? 443 : uri.getPort();
		for (Entry entry : entries) {
			if (entry.matches(host, port)) {
				return null;
			}
		}
		return "must be the endpoint of a known push service (its host is not on the allowlist)";
	}

}
