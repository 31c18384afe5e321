# Shared by bin/topo-submit and bin/topo-cluster (sourced, not run): paths, JVM flags, the build.
# Spark runs from the project's own jars: spark-jobs/target/spark-home/jars holds Spark's runtime
# (copied by Maven; no Spark distribution needed), spark-jobs/target/lib the engine and its libraries.

root="${root:?}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
spark_home="$root/spark-jobs/target/spark-home"
job_jar="$root/spark-jobs/target/topolayer-spark-jobs.jar"
job_lib="$root/spark-jobs/target/lib"
# the --add-opens list Spark needs on Java 17, from its single definition in the parent pom
read -r -a jvm_flags <<< "$(sed -n 's:.*<jvm.module.opens>\(.*\)</jvm.module.opens>.*:\1:p' "$root/pom.xml")"
jvm_flags+=(-Djava.awt.headless=true "-Dorg.bytedeco.javacpp.cachedir=${HOME}/.cache/topolayer-javacpp")
cluster_dir="${TOPO_CLUSTER_DIR:-$root/spark-jobs/target/cluster}"

# Builds spark-jobs (and the engine) when the jar is missing or older than the sources.
ensure_spark_build() {
  if [[ -f "$job_jar" && -d "$job_lib" && -d "$spark_home/jars" ]] \
     && [[ -z "$(find "$root/pom.xml" "$root/engine" "$root/spark-jobs" -name target -prune \
                  -o \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$job_jar" -print -quit)" ]]; then
    return 0
  fi
  build_spark_jobs
}

# Builds when Spark's jars are missing (all a master and workers need).
ensure_spark_home() {
  [[ -d "$spark_home/jars" ]] || build_spark_jobs
}

build_spark_jobs() {
  build_module spark-jobs
  touch "$job_jar" # the jar plugin keeps an unchanged jar's old time; without this every run would rebuild
}

# Builds module $1 and the modules it needs, offline first (fast when the dependencies are cached),
# then with network access; Maven's output is shown only when the build fails.
build_module() {
  echo "$(basename "$0"): building $1 with Maven (first use or sources changed; the first build downloads dependencies, a few minutes)..." >&2
  local build=(mvn -B -q -pl "$1" -am package -DskipTests) log
  log="$(mktemp)"
  if ! (cd "$root" && "${build[@]}" -o >"$log" 2>&1) && ! (cd "$root" && "${build[@]}" >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "$(basename "$0"): the build failed (messages above); fix it, or build by hand: cd $root && ${build[*]}" >&2
    exit 1
  fi
  rm -f "$log"
}

# Spark properties that let a driver join the cluster of bin/topo-cluster at master URL $1.
cluster_properties() {
  local secret="$cluster_dir/secret"
  if [[ ! -r "$secret" ]]; then
    echo "$(basename "$0"): no cluster secret in $cluster_dir; start the cluster with bin/topo-cluster start" >&2
    echo "  (or set TOPO_CLUSTER_DIR to its directory)" >&2
    exit 1
  fi
  echo "spark.authenticate true"
  echo "spark.authenticate.secret $(cat "$secret")"
  # the cluster's daemons refuse unencrypted RPC unless started with --no-encryption
  local encryption
  encryption="$(cat "$cluster_dir/encryption" 2>/dev/null || echo true)"
  echo "spark.network.crypto.enabled $encryption"
  echo "spark.network.crypto.saslFallback $(! $encryption && echo true || echo false)"
  echo "spark.io.encryption.enabled $encryption"
}

# Spark properties (one "key value" a line) that make every web UI of a process ask for a login:
# user topolayer, password the secret in file $1 (UiLogin, a servlet filter of the job jar, which the
# process needs on its classpath), with ACLs that let that user view.
ui_login_properties() {
  echo "spark.ui.filters org.topolayer.spark.UiLogin"
  echo "spark.org.topolayer.spark.UiLogin.param.secretFile $1"
  echo "spark.acls.enable true"
  echo "spark.ui.view.acls topolayer"
  echo "spark.admin.acls topolayer"
}

# Whether address $1 is loopback only (a UI bound there is out of the network's reach).
is_loopback() {
  [[ "$1" == 127.* || "$1" == localhost || "$1" == ::1 ]]
}
