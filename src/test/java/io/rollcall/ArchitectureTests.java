package io.rollcall;

import java.util.Locale;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.rollcall.domain.Vendor;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering the code relies on, checked on every build.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.rollcall");

	@Test
	void vendorsAreIsolatedFromEachOther() {
		ArchRule rule = SlicesRuleDefinition.slices()
			.matching("io.rollcall.connector.(*)..")
			.should()
			.notDependOnEachOther()
			.because("a vendor's quirks must not leak into another vendor's connector");
		rule.check(MAIN);
	}

	@Test
	void everyPackageIsNullMarked() {
		ArchRule rule = classes().should(new ArchCondition<JavaClass>("be in a @NullMarked package") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
					events.add(SimpleConditionEvent.violated(type,
							type.getPackageName() + " has no @NullMarked package-info"));
				}
			}
		}).because("a reference may be null only where it says @Nullable");
		rule.check(MAIN);
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchRule rule = SlicesRuleDefinition.slices()
			.matching("io.rollcall.(*)..")
			.should()
			.beFreeOfCycles()
			.because("each layer builds on the ones below it, never back up");
		rule.check(MAIN);
	}

	@Test
	void theDomainIsFreeOfSpringJacksonAndGraphQl() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("io.rollcall.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "graphql..",
					"io.rollcall.connector..", "io.rollcall.graphql..", "io.rollcall.config..", "io.rollcall.cache..")
			.because("the unified model and the fan-out are plain Java over Reactor types");
		rule.check(MAIN);
	}

	@Test
	void nothingOutsideAVendorPackageNamesItsTypes() {
		for (Vendor vendor : Vendor.values()) {
			String vendorPackage = "io.rollcall.connector." + vendor.name().toLowerCase(Locale.ROOT) + "..";
			noClasses().that()
				.resideOutsideOfPackage(vendorPackage)
				.should()
				.dependOnClassesThat()
				.resideInAPackage(vendorPackage)
				.because("a vendor plugs in through its VendorModule, found on the class path: "
						+ "a new vendor is a new package and an enum constant (docs/adding-a-vendor.md)")
				.check(MAIN);
		}
	}

	@Test
	void onlyConfigurationKnowsTheVendorPackages() {
		ArchRule rule = noClasses().that()
			.resideInAnyPackage("io.rollcall.graphql..", "io.rollcall.cache..", "io.rollcall.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.rollcall.connector..")
			.because("the API and the cache speak to sources only through the Connector port");
		rule.check(MAIN);
	}

	@Test
	void mainCodeNeverBlocks() {
		ArchRule rule = noClasses().should()
			.callMethod(reactor.core.publisher.Mono.class, "block")
			.orShould()
			.callMethod(reactor.core.publisher.Mono.class, "block", java.time.Duration.class)
			.orShould()
			.callMethod(reactor.core.publisher.Flux.class, "blockFirst")
			.orShould()
			.callMethod(reactor.core.publisher.Flux.class, "blockLast")
			.because("Rollcall is reactive end to end; block() belongs in tests only");
		rule.check(MAIN);
	}

	@Test
	void wireShapesStayInsideTheirVendorPackage() {
		ArchRule rule = noClasses().that()
			.haveSimpleNameEndingWith("Wire")
			.should()
			.bePublic()
			.because("vendor wire records are package-private, in the vendor's own terms");
		rule.check(MAIN);
	}

}
