package io.rollcall.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.rollcall.demo.Simulation;
import io.rollcall.domain.Vendor;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every {@link VendorModule}, found once on the class path under this package: one per
 * {@link Vendor}, or start-up fails naming the vendor without one. The configuration (and
 * the check for unknown properties, which runs before any bean) reads them from here.
 */
public final class VendorModules {

	private static final Map<Vendor, VendorModule<?>> MODULES = discover();

	private VendorModules() {
	}

	/** The module of a vendor. */
	public static VendorModule<?> of(Vendor vendor) {
		// discover() found one for every vendor.
		return java.util.Objects.requireNonNull(MODULES.get(vendor));
	}

	/** Every module, in the order of {@link Vendor}. */
	public static Collection<VendorModule<?>> all() {
		return MODULES.values();
	}

	/** The simulations the modules offer, in the order of {@link Vendor}. */
	public static List<Simulation.Factory> simulations() {
		List<Simulation.Factory> simulations = new ArrayList<>();
		for (VendorModule<?> module : MODULES.values()) {
			Simulation.Factory simulation = module.simulation();
			if (simulation != null) {
				simulations.add(simulation);
			}
		}
		return simulations;
	}

	private static Map<Vendor, VendorModule<?>> discover() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(VendorModule.class));
		Map<Vendor, VendorModule<?>> modules = new EnumMap<>(Vendor.class);
		ClassLoader loader = VendorModules.class.getClassLoader();
		for (BeanDefinition candidate : scanner.findCandidateComponents(VendorModules.class.getPackageName())) {
			Class<?> type = ClassUtils.resolveClassName(String.valueOf(candidate.getBeanClassName()), loader);
			VendorModule<?> module;
			try {
				module = (VendorModule<?>) BeanUtils.instantiateClass(ReflectionUtils.accessibleConstructor(type));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type.getName() + " needs a constructor without arguments", ex);
			}
			VendorModule<?> other = modules.put(module.vendor(), module);
			if (other != null) {
				throw new IllegalStateException("Two modules plug in " + module.vendor() + ": "
						+ other.getClass().getName() + " and " + type.getName());
			}
		}
		for (Vendor vendor : Vendor.values()) {
			if (!modules.containsKey(vendor)) {
				throw new IllegalStateException("No VendorModule plugs in " + vendor + " (expected one in "
						+ VendorModules.class.getPackageName() + "." + vendor.name().toLowerCase(java.util.Locale.ROOT)
						+ ")");
			}
		}
		return Collections.unmodifiableMap(modules);
	}

}
