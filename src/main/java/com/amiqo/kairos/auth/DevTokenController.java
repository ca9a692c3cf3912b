package com.amiqo.kairos.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;

/**
 * {@code POST /dev/tokens}: mints a local ID token for development. Absent unless the
 * local issuer is on.
 */
@Tag(name = "development")
@RestController
@Conditional(LocalIssuerCondition.class)
class DevTokenController {

	private final LocalTokenIssuer issuer;

	DevTokenController(LocalTokenIssuer issuer) {
		this.issuer = issuer;
	}

	@Operation(operationId = "issueDevToken", summary = "Local issuer only: a Firebase-shaped ID token for development")
	@SecurityRequirements
	@PostMapping("/dev/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Envelope<LocalTokenIssuer.IssuedToken> issue(@Valid @RequestBody DevTokenRequest request) {
		return Envelope.of(issuer.issue(request.uid(), request.name()));
	}

	record DevTokenRequest(@NotBlank @Size(max = 128) String uid, @Size(min = 1, max = 200) String name) {
	}

}
