# Sourced by run-example and run-scaling: builds lamina-spark and its class path (Spark included)
# with Maven, and defines run_java MAINCLASS ARGS... with the JVM options Spark 4 needs on Java 17+
# (the list in spark/pom.xml, spark.javaOptions) and Spark on loopback.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build_spark_module() {
  echo "building lamina-spark (mvn package, tests skipped)..." >&2
  local log
  log="$(mktemp)"
  if ! env -u JAVA_HOME mvn -B -ntp -q -pl spark -am package dependency:build-classpath \
      -DskipTests -Dspotless.check.skip=true \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "the build failed; run 'mvn -B -ntp -pl spark -am package' in $root to see why" >&2
    exit 1
  fi
  rm -f "$log"
}

run_java() {
  local main="$1"
  shift
  local options
  options="$(sed -n 's:.*<spark.javaOptions>\(.*\)</spark.javaOptions>.*:\1:p' spark/pom.xml)"
  local jar
  jar="$(ls spark/target/lamina-spark-*.jar | grep -v -- '-app.jar' | head -n 1)"
  # shellcheck disable=SC2086
  SPARK_LOCAL_IP=127.0.0.1 java $options ${LAMINA_SPARK_JAVA_OPTS:--Xmx4g} \
    -Dlog4j2.configurationFile=spark/log4j2-scripts.properties \
    -cp "$jar:$(cat spark/target/classpath.txt)" "$main" "$@"
}
