package io.rollcall.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock in tests: the system's time, which a test can move on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	@Bean
	@Primary
	MutableClock gatewayClock() {
		return MutableClock.systemTime();
	}

}
