package com.amiqo.kairos;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is an application module. A dependency cycle between them, or a
 * reference to a type another module keeps internal, fails this test and so the build.
 */
class ModuleStructureTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(KairosApplication.class);

	@Test
	void verifyWhenModulesDependOneWayPasses() {
		MODULES.verify();
	}

	/**
	 * Writes the PlantUML/C4 component diagrams and module canvases. The committed copy
	 * in docs/modules is refreshed on request only
	 * ({@code ./mvnw test -Dtest=ModuleStructureTest -Dkairos.modules.docs=docs/modules}),
	 * since the Documenter does not order relations stably and every build would
	 * otherwise touch it.
	 */
	@Test
	void documentWhenRunWritesModuleDiagrams() {
		String folder = System.getProperty("kairos.modules.docs", "target/spring-modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
