# KiteMQ build: thin wrappers over Maven with the command names operators know.
MVN ?= mvn
MVN_FLAGS ?= -B -ntp

.PHONY: build test clean fmt lint run run-nameserver run-broker dist

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

# ---- running KiteMQ from this checkout (the distribution built under server/target) ----
VERSION := $(shell sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
DIST_NAME := kite-$(VERSION)
DIST_DIR := server/target/$(DIST_NAME)
KITE := $(DIST_DIR)/bin/kite
# What the class-data training run starts (hidden flag --exit-after-ready: stop once ready).
CDS_TRAINING := standalone --exit-after-ready --nameserver-port 0 --broker-port 0 --http-port 0
DIST_SOURCES := pom.xml $(wildcard */pom.xml) $(shell find config $(wildcard */src/main) server/src/dist server/src/assembly -type f 2>/dev/null)

# The distribution directory, rebuilt when a source changed (no tests: `make test` runs them).
$(KITE): $(DIST_SOURCES)
	$(MVN) $(MVN_FLAGS) -DskipTests -pl server -am package
	@touch $@

# Logs of nodes started from here go to ./logs, their data to ./data (both ignored by git).
run run-nameserver run-broker: export KITE_LOG_DIR ?= $(CURDIR)/logs

## run: build if needed, then run a standalone node (name server :9876 + broker :10911) in the foreground
run: $(KITE)
	$(KITE) standalone

## run-nameserver: build if needed, then run a name server in the foreground (port 9876)
run-nameserver: $(KITE)
	$(KITE) nameserver

## run-broker: build if needed, then run a broker (port 10911) registering with 127.0.0.1:9876
run-broker: $(KITE)
	$(KITE) broker

## dist: server/target/kite-<version>.tar.gz with bin/kite, config/, lib/ and a class-data archive
dist: $(KITE)
	rm -f $(DIST_DIR)/lib/kite.jsa
	@# Training run in a scratch directory: start, print the ready line, stop cleanly; the JVM
	@# then writes the classes it loaded to lib/kite.jsa, which bin/kite uses from then on.
	@tmp=$$(mktemp -d) && cd $$tmp && \
	  KITE_CDS=train KITE_LOG_DIR=$$tmp/logs $(abspath $(KITE)) $(CDS_TRAINING) >training.log 2>&1; \
	  status=$$?; grep 'ready in' training.log || cat training.log; cd /; rm -rf $$tmp; \
	  test $$status -eq 0 && test -f $(abspath $(DIST_DIR))/lib/kite.jsa
	tar -C server/target --exclude=$(DIST_NAME)/logs --exclude=$(DIST_NAME)/data \
	  -czf server/target/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "built server/target/$(DIST_NAME).tar.gz"
