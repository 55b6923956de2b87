package io.kitemq.it.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ArchitectureTest {

  private static final String ROOT = "io.kitemq";

  @Test
  void productionCodeKeepsTheModuleRules() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    // The modules on this module's classpath are really there, so the rules have something to see.
    assertThat(production.stream().map(c -> ModuleRules.moduleOf(ROOT, c.getPackageName())))
        .contains(
            "common",
            "remoting",
            "store",
            "nameserver",
            "broker",
            "client",
            "tools",
            "console",
            "server");
    ModuleRules.checkAll(production, ROOT);
  }

  @Test
  void internalPackageUsedFromAnotherModuleIsReported() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.kitemq.archfixture");
    assertThatThrownBy(
            () -> ModuleRules.internalStaysInsideItsModule("io.kitemq.archfixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.kitemq.archfixture.beta.OutsideUser")
        .hasMessageContaining("internal packages of module alpha");
  }

  @Test
  void internalPackageUsedInsideItsModuleIsAllowed() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.kitemq.archfixture.alpha");
    ModuleRules.internalStaysInsideItsModule("io.kitemq.archfixture").check(fixture);
  }
}
