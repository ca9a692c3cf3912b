package com.amiqo.kairos.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.auth.AuthProperties;

/**
 * The pages of the web client and what links need (docs/web-client.md). The client's
 * files themselves are static resources (see {@link WebClientConfiguration}); these are
 * the routes that are not plain files. Kept out of the API document: the iOS app never
 * calls them.
 */
@Hidden
@RestController
class WebClientController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

	private static final Resource INDEX = new ClassPathResource("static/app/index.html");

	private static final Resource LANDING = new ClassPathResource("static/app/landing.html");

	private final WebClientProperties web;

	private final AuthProperties auth;

	private final boolean localIssuer;

	/**
	 * {@code KAIROS_PUBLIC_URL} when it is set; otherwise the client makes links on the
	 * page's own origin.
	 */
	private final @Nullable String publicUrl;

	WebClientController(WebClientProperties web, AuthProperties auth, WebClientSettings settings,
			Environment environment) {
		this.web = web;
		this.auth = auth;
		this.localIssuer = settings.localIssuer();
		String configured = environment.getProperty("KAIROS_PUBLIC_URL");
		this.publicUrl = (configured == null || configured.isBlank()) ? null : configured.strip();
	}

	/** The site's root is the web client. */
	@GetMapping("/")
	ResponseEntity<Void> root() {
		return ResponseEntity.status(302).location(URI.create("/app/")).build();
	}

	@GetMapping("/app")
	ResponseEntity<Void> appWithoutSlash() {
		return ResponseEntity.status(302).location(URI.create("/app/")).build();
	}

	@GetMapping("/app/")
	ResponseEntity<Resource> app() {
		return ResponseEntity.ok().contentType(HTML).body(INDEX);
	}

	/**
	 * An invite link's landing page. It is the same page for every token and shows
	 * nothing of the plan (that needs sign-in, docs/reference.md#invite-links); its
	 * script hands the token and the fragment's key to the client.
	 */
	@GetMapping("/i/{token}")
	ResponseEntity<Resource> inviteLanding(@PathVariable String token) {
		return ResponseEntity.ok().contentType(HTML).body(LANDING);
	}

	/**
	 * What the client needs to know to sign people in; all of it public. A configured
	 * emulator wins over the local issuer (which is on by default locally): setting it
	 * says which sign-in is wanted.
	 */
	@GetMapping("/app/config")
	Envelope<ClientConfig> config() {
		SignInMode mode = auth.emulatorMode() ? SignInMode.EMULATOR : localIssuer ? SignInMode.LOCAL
				: web.firebaseWebApiKey() != null ? SignInMode.FIREBASE : SignInMode.NONE;
		FirebaseWebConfig firebase = web.firebaseWebApiKey() == null ? null
				: new FirebaseWebConfig(web.firebaseWebApiKey(), web.firebaseAuthDomain(), auth.firebaseProjectId());
		return Envelope.of(new ClientConfig(mode, firebase,
				auth.emulatorMode() ? WebClientSettings.emulatorUrl(auth) : null, publicUrl));
	}

	/**
	 * Universal links: iOS fetches this to learn that {@code /i/*} links of this host
	 * open the app. Both the current ({@code components}) and the pre-iOS 13
	 * ({@code paths}) keys are given.
	 */
	@GetMapping(path = "/.well-known/apple-app-site-association", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> appleAppSiteAssociation() {
		String appId = web.appleAppId();
		if (appId == null) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No such resource");
		}
		return Map.of("applinks",
				Map.of("apps", List.of(), "details",
						List.of(Map.of("appID", appId, "appIDs", List.of(appId), "paths", List.of("/i/*"), "components",
								List.of(Map.of("/", "/i/*", "comment", "Kairos Amiqo invite links"))))));
	}

	/**
	 * @param publicUrl the configured public base of links, or null: links then use the
	 * page's origin
	 */
	record ClientConfig(SignInMode signIn, @Nullable FirebaseWebConfig firebase, @Nullable String emulatorUrl,
			@Nullable String publicUrl) {
	}

	record FirebaseWebConfig(String apiKey, @Nullable String authDomain, String projectId) {
	}

}
