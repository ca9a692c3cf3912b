package com.amiqo.kairos.user;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.amiqo.kairos.api.http.InterceptorOrder;

/**
 * Lets controllers take the signed-in user as an {@link AppUser} parameter. Its
 * interceptor runs after rate limiting ({@link InterceptorOrder}), so a throttled caller
 * costs no lookup.
 */
@Configuration(proxyBeanMethods = false)
class UserWebConfiguration implements WebMvcConfigurer {

	static {
		// The signed-in user comes from the token, not from the request: keep it out of
		// the API docs.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(AppUser.class);
	}

	private final CurrentUserInterceptor currentUserInterceptor;

	UserWebConfiguration(CurrentUserInterceptor currentUserInterceptor) {
		this.currentUserInterceptor = currentUserInterceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(currentUserInterceptor)
			.excludePathPatterns("/health", "/version", "/error")
			.order(InterceptorOrder.CURRENT_USER);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentUserArgumentResolver());
	}

	private static final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType().equals(AppUser.class);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
				NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
			Object user = request.getAttribute(CurrentUserInterceptor.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (user == null) {
				throw new IllegalStateException("No authenticated user for " + parameter.getMethod());
			}
			return user;
		}

	}

}
