package com.amiqo.kairos.ops;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service, so time-dependent rules can be tested with a fixed
 * one. It ticks in whole microseconds, the precision PostgreSQL stores, so an instant
 * read back from the database equals the one written.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
