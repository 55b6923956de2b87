# KiteMQ build: thin wrappers over Maven with the command names operators know.
MVN ?= mvn
MVN_FLAGS ?= -B -ntp

.PHONY: build test clean fmt lint

## build: compile, package every module, skip tests
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package

## test: the whole suite (unit, property, cross-check, integration) plus format and architecture checks
test:
	$(MVN) $(MVN_FLAGS) verify

## clean: remove build output
clean:
	$(MVN) $(MVN_FLAGS) clean

## fmt: rewrite sources in the project format (google-java-format)
fmt:
	$(MVN) $(MVN_FLAGS) spotless:apply

## lint: check formatting and compile with warnings as errors, without running tests
lint:
	$(MVN) $(MVN_FLAGS) -DskipTests spotless:check verify
