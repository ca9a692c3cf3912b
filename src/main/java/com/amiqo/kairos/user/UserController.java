package com.amiqo.kairos.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;

/** The signed-in user's own profile. */
@Tag(name = "users")
@RestController
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@Operation(operationId = "getMe", summary = "The caller's profile (provisioned on first request)")
	@GetMapping("/me")
	Envelope<Profile> me(AppUser user) {
		return Envelope.of(Profile.of(users.current(user)));
	}

	@Operation(operationId = "updateMe", summary = "Change display name, locale or agent mode default")
	@PatchMapping("/me")
	Envelope<Profile> updateMe(AppUser user, @Valid @RequestBody UpdateProfileRequest request) {
		return Envelope.of(Profile.of(users.updateProfile(user, request)));
	}

}
