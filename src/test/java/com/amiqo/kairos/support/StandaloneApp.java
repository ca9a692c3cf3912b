package com.amiqo.kairos.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.amiqo.kairos.KairosApplication;

/**
 * The service started by hand (outside the Spring test context cache), for tests that
 * need a restart or a different environment; it verifies tokens against {@link TestJwks}.
 */
public final class StandaloneApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final ApiClient api;

	private StandaloneApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.api = new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * Starts the service with test defaults, overridden by {@code settings}
	 * ({@code NAME=value}).
	 */
	public static StandaloneApp start(String... settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("PORT", "0");
		properties.put("MANAGEMENT_PORT", "0");
		properties.put("FIREBASE_PROJECT_ID", TestTokens.PROJECT_ID);
		properties.put("FIREBASE_JWKS_URL", TestJwks.get().url());
		for (String setting : settings) {
			String[] nameAndValue = setting.split("=", 2);
			properties.put(nameAndValue[0], nameAndValue[1]);
		}
		// As command-line arguments they outrank application.yaml, like real environment
		// variables do.
		String[] arguments = properties.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new StandaloneApp(new SpringApplicationBuilder(KairosApplication.class).run(arguments));
	}

	public ApiClient api() {
		return api;
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}

}
