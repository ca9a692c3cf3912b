package com.amiqo.kairos.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.user.AppUser;

/**
 * Push tokens of the caller's phones (docs/reference.md#users). A user only ever sees or
 * touches their own.
 */
@Tag(name = "devices")
@RestController
class DeviceController {

	private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");

	private final PushTargets<Device> devices;

	private final Clock clock;

	DeviceController(PushTargets<Device> devices, Clock clock) {
		this.devices = devices;
		this.clock = clock;
	}

	@Schema(name = "RegisterDeviceRequest")
	record RegisterRequest(
			@NotNull @ClosedSet(values = "ios", name = "Platform") @jakarta.validation.constraints.Pattern(
					regexp = "ios", message = "must be ios") String platform,
			@ClosedSet(values = "sandbox|production", name = "ApnsEnvironment") @jakarta.validation.constraints.Pattern(
					regexp = "sandbox|production",
					message = "must be sandbox or production") @Nullable String environment) {
	}

	@Schema(name = "Device")
	record DeviceView(String token, @ClosedSet(values = "ios", name = "Platform") String platform,
			@ClosedSet(values = "sandbox|production", name = "ApnsEnvironment") String environment, Instant createdAt,
			Instant updatedAt) {
	}

	@Operation(operationId = "registerDevice", summary = "Register (or move to the caller) an APNs device token")
	@PutMapping("/me/devices/{token}")
	Envelope<DeviceView> register(AppUser user, @PathVariable String token,
			@Valid @RequestBody RegisterRequest request) {
		Device device = devices.register(user.id(), canonical(token), request.platform(),
				request.environment() == null ? "production" : request.environment(), clock.instant());
		return Envelope.of(new DeviceView(device.token(), device.platform(), device.environment(), device.createdAt(),
				device.updatedAt()));
	}

	/**
	 * Idempotent: removing a token that is not (or no longer) the caller's is a 204 that
	 * changes nothing.
	 */
	@Operation(operationId = "removeDevice", summary = "Forget one of the caller's device tokens",
			responses = @ApiResponse(responseCode = "204", description = "Removed"))
	@DeleteMapping("/me/devices/{token}")
	ResponseEntity<Void> remove(AppUser user, @PathVariable String token) {
		devices.remove(user.id(), canonical(token));
		return ResponseEntity.noContent().build();
	}

	/**
	 * APNs tokens are hex; stored lowercase so one phone is one row whatever case the app
	 * sends.
	 */
	private static String canonical(String token) {
		if (!APNS_TOKEN.matcher(token).matches()) {
			throw ApiException.invalidField("token", "must be an APNs device token: 64-200 hexadecimal characters");
		}
		return token.toLowerCase(Locale.ROOT);
	}

}
