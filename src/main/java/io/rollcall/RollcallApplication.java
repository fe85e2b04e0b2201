package io.rollcall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Rollcall: one GraphQL API over the user management of Cintoo, Testmo, Codebase HQ and
 * Periscope.
 */
@SpringBootApplication
public class RollcallApplication {

	public static void main(String[] args) {
		SpringApplication.run(RollcallApplication.class, args);
	}

}
