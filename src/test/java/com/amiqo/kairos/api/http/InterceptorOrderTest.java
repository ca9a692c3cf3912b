package com.amiqo.kairos.api.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interceptors of a signed-in endpoint run in {@link InterceptorOrder}, although two
 * modules register them.
 */
class InterceptorOrderTest extends ApiTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void handlerChainWhenBuiltForAnEndpointRunsRateLimitThenJsonOnlyThenCurrentUser() throws Exception {
		HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest("GET", "/me"));

		assertThat(chain).isNotNull();
		List<String> names = chain.getInterceptorList()
			.stream()
			.map(HandlerInterceptor::getClass)
			.map(Class::getSimpleName)
			.filter(name -> List.of("RateLimitInterceptor", "JsonOnlyInterceptor", "CurrentUserInterceptor")
				.contains(name))
			.toList();
		assertThat(names).containsExactly("RateLimitInterceptor", "JsonOnlyInterceptor", "CurrentUserInterceptor");
	}

}
