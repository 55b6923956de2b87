package io.kitemq.it.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The module and package rules of ARCHITECTURE.md, as ArchUnit rules over any set of classes.
 *
 * <p>A class's module is the package segment after {@code io.kitemq} (or after the given root), so
 * {@code io.kitemq.store.internal.Foo} belongs to {@code store}. Kept apart from the test so the
 * rules themselves can be checked against classes that break them.
 */
final class ModuleRules {

  private ModuleRules() {}

  /** Classes in an {@code ..internal..} package may only be used from their own module. */
  static ArchRule internalStaysInsideItsModule(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..internal..")
        .should(onlyBeAccessedFromTheirOwnModule(root))
        .allowEmptyShould(true);
  }

  /** The arrows that must never exist between modules. */
  static List<ArchRule> forbiddenModuleArrows(String root) {
    return List.of(
        noClasses()
            .that()
            .resideInAPackage(root + ".common..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                root + ".remoting..",
                root + ".store..",
                root + ".nameserver..",
                root + ".broker..",
                root + ".client..",
                root + ".tools..",
                root + ".server..")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(root + ".store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                root + ".remoting..",
                root + ".nameserver..",
                root + ".broker..",
                root + ".client..")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(root + ".client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(root + ".broker..", root + ".store..", root + ".nameserver..")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(root + ".tools..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                root + ".broker..", root + ".store..", root + ".nameserver..", root + ".server..")
            .allowEmptyShould(true),
        // The HTTP port observes the nodes; only the launcher wires it in.
        noClasses()
            .that()
            .resideInAnyPackage(
                root + ".common..",
                root + ".remoting..",
                root + ".store..",
                root + ".nameserver..",
                root + ".broker..",
                root + ".client..",
                root + ".tools..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".console..")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(root + ".console..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".server..")
            .allowEmptyShould(true));
  }

  static String moduleOf(String root, String packageName) {
    String rest = packageName.substring(root.length());
    if (rest.startsWith(".")) {
      rest = rest.substring(1);
    }
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnModule(String root) {
    return new ArchCondition<>("only be accessed from their own module") {
      @Override
      public void check(JavaClass target, ConditionEvents events) {
        String module = moduleOf(root, target.getPackageName());
        target.getDirectDependenciesToSelf().stream()
            .filter(dep -> dep.getOriginClass().getPackageName().startsWith(root))
            .filter(dep -> !moduleOf(root, dep.getOriginClass().getPackageName()).equals(module))
            .forEach(
                dep ->
                    events.add(
                        SimpleConditionEvent.violated(
                            dep,
                            dep.getOriginClass().getName()
                                + " (module "
                                + moduleOf(root, dep.getOriginClass().getPackageName())
                                + ") uses "
                                + target.getName()
                                + " from the internal packages of module "
                                + module)));
      }
    };
  }

  static void checkAll(JavaClasses classes, String root) {
    internalStaysInsideItsModule(root).check(classes);
    forbiddenModuleArrows(root).forEach(rule -> rule.check(classes));
  }
}
