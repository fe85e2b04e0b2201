package io.rollcall.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.rollcall.connector.VendorModule;
import io.rollcall.connector.VendorModules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Configuration tables document every {@code rollcall.*} property the
 * configuration metadata (what IDEs complete) and the source properties have, with the
 * defaults the code has.
 */
class ConfigurationDocsTests {

	@Test
	void everyPropertyOfTheMetadataIsInTheReadmeWithItsDefault() throws IOException {
		List<Row> rows = rows();
		JsonMapper json = JsonMapper.builder().build();
		List<String> checked = new ArrayList<>();
		for (String file : new String[] { "META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json" }) {
			try (InputStream in = new ClassPathResource(file).getInputStream()) {
				for (JsonNode property : json.readTree(in).get("properties")) {
					String name = property.get("name").asString();
					if (!name.startsWith("rollcall.")) {
						continue;
					}
					JsonNode defaultValue = property.get("defaultValue");
					assertDocumented(rows, name, (defaultValue != null) ? defaultValue.asString() : null);
					checked.add(name);
				}
			}
		}
		assertThat(checked).contains("rollcall.cache.ttl", "rollcall.server.max-request-size", "rollcall.redis.url");
	}

	@Test
	void everySourcePropertyIsInTheReadmeWithItsDefault() throws NoSuchMethodException {
		List<Row> rows = rows();
		RecordComponent[] components = SourceProperties.class.getRecordComponents();
		// @DefaultValue sits on the canonical constructor's parameters.
		Parameter[] parameters = SourceProperties.class
			.getDeclaredConstructor(Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
			.getParameters();
		int defaults = 0;
		for (int i = 0; i < components.length; i++) {
			DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
			defaults += (defaultValue != null) ? 1 : 0;
			assertDocumented(rows, "….".concat(DataObjectPropertyName.toDashedForm(components[i].getName())),
					(defaultValue != null) ? defaultValue.value()[0] : null);
		}
		assertThat(defaults).as("source properties with a default").isGreaterThan(10);
		for (VendorModule<?> module : VendorModules.all()) {
			for (RecordComponent component : module.properties().getRecordComponents()) {
				assertDocumented(rows, "….".concat(DataObjectPropertyName.toDashedForm(component.getName())), null);
			}
		}
	}

	private static void assertDocumented(List<Row> rows, String name, String defaultValue) {
		Row row = rows.stream().filter((r) -> r.documents(name)).findFirst().orElse(null);
		assertThat(row).as(name + " in the README's Configuration tables").isNotNull();
		if (defaultValue != null) {
			assertThat(row.defaultOf(name)).as("the README's default of " + name)
				.isEqualTo(defaultValue.toLowerCase(Locale.ROOT));
		}
	}

	private static List<Row> rows() {
		try {
			List<Row> rows = new ArrayList<>();
			for (String line : Files.readAllLines(Path.of("README.md"))) {
				if (line.startsWith("| `")) {
					String[] cells = line.split("\\|");
					rows.add(new Row(cells[1].trim(), cells[2].trim()));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A table row: names such as {@code `….timeout`} or {@code `a` / `b`}, and the
	 * defaults in the same order.
	 */
	private record Row(String names, String defaults) {

		List<String> nameList() {
			return List.of(this.names.replace("`", "").split(" / "));
		}

		boolean documents(String name) {
			return nameList().stream()
				.anyMatch((documented) -> documented.equals(name)
						|| (name.endsWith("s") && documented.startsWith(name + "."))
						|| documented.startsWith(name + "["));
		}

		String defaultOf(String name) {
			List<String> names = nameList();
			String[] values = this.defaults.replace("`", "").split(" / ");
			int index = 0;
			for (int i = 0; i < names.size(); i++) {
				if (names.get(i).equals(name)) {
					index = i;
				}
			}
			return values[Math.min(index, values.length - 1)].trim().toLowerCase(Locale.ROOT);
		}

	}

}
