package com.amiqo.kairos;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is an application module. A dependency cycle between them, or a reference to
 * a type another module keeps internal, fails this test and so the build.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(KairosApplication.class);

    @Test
    void verifyWhenModulesDependOneWayPasses() {
        MODULES.verify();
    }

    /** Regenerates docs/modules (PlantUML/C4 component diagrams and module canvases); commit the changes. */
    @Test
    void documentWhenRunWritesModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
