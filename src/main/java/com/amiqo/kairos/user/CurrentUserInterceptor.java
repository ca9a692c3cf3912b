package com.amiqo.kairos.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import com.amiqo.kairos.api.http.RequestIds;

/**
 * Resolves the {@link AppUser} of every authenticated request, provisioning it on first
 * sight, and puts its Firebase UID into the log context. Running inside the dispatcher
 * (not as a filter) means a database outage here gets the API's 503 envelope like any
 * other.
 */
@Component
class CurrentUserInterceptor implements HandlerInterceptor {

	static final String ATTRIBUTE = AppUser.class.getName();

	private final UserService users;

	CurrentUserInterceptor(UserService users) {
		this.users = users;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String uid = token.getName();
			MDC.put(RequestIds.USER_MDC_KEY, uid);
			// Only a string is a name; Spring's getClaimAsString would turn {"first":
			// "x"} into text.
			String name = token.getToken().getClaims().get("name") instanceof String text ? text : null;
			AppUser user = users.provision(uid, name, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
			request.setAttribute(ATTRIBUTE, user);
		}
		return true;
	}

}
