package com.amiqo.kairos.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.amiqo.kairos.KairosApplication;

/**
 * The service started by hand (outside the Spring test context cache), for tests that need a
 * restart or a different environment; it verifies tokens against {@link TestJwks}.
 */
public final class StandaloneApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    private StandaloneApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static StandaloneApp start(String... settings) {
        List<String> properties = new ArrayList<>(List.of(
                "PORT=0",
                "MANAGEMENT_PORT=0",
                "FIREBASE_PROJECT_ID=" + TestTokens.PROJECT_ID,
                "FIREBASE_JWKS_URL=" + TestJwks.get().url()));
        properties.addAll(List.of(settings));
        return new StandaloneApp(new SpringApplicationBuilder(KairosApplication.class)
                .properties(properties.toArray(String[]::new))
                .run());
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
