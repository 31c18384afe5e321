/**
 * JMH microbenchmarks of the small per-call cases that dominate the Spark workload (many small
 * samples): H0+H1 sublevel diagrams of a 28×28 image and H0+H1 Rips of 100 points in the plane.
 * Module topolayer-jmh: depends on topolayer-core and JMH; not in the default build (profile
 * {@code jmh}, see {@code engine/jmh/pom.xml}).
 *
 * <p>Entry point: {@link PersistenceBenchmarks}, run through JMH's own main:
 * {@code mvn -Pjmh -pl engine/jmh -am package -DskipTests}, then
 * {@code java -cp "engine/jmh/target/topolayer-jmh.jar:engine/jmh/target/lib/*" org.openjdk.jmh.Main [REGEX]}.
 *
 * <p>Limits: uniform random inputs with fixed seeds, average time per call on one thread, one
 * fork with short warm-up and measurement (3 and 5 iterations of 1 s): a check of per-call
 * overhead, not the project's benchmark table ({@code topo bench}). Thread safety: JMH state is
 * per thread ({@code Scope.Thread}).
 */
package org.topolayer.jmh;
