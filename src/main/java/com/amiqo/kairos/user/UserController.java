package com.amiqo.kairos.user;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ApiResponse;

/** The signed-in user's own profile. */
@RestController
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/me")
    ApiResponse<Profile> me(AppUser user) {
        return ApiResponse.of(Profile.of(users.current(user)));
    }

    @PatchMapping("/me")
    ApiResponse<Profile> updateMe(AppUser user, @Valid @RequestBody UpdateProfileRequest request) {
        return ApiResponse.of(Profile.of(users.updateProfile(user, request)));
    }
}
