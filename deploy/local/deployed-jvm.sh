# shellcheck shell=bash
# The JVM each service runs with in a Deployment of deploy/k8s (512 Mi limit): the benchmarks start the packaged
# services with these by default, and deploy/k8s's ServicesTest holds every manifest's JAVA_TOOL_OPTIONS to them.
# Source it: source "$(dirname "${BASH_SOURCE[0]}")/deployed-jvm.sh". Resident memory under the benchmarks and why
# each value: BENCHMARKS.md and aml-service/README.md.
#
# Every service: the parallel collector (while the service is stopped for a collection, the broker and PostgreSQL have
# nothing to do either, so the second core collects too: serial 16.4k/s aml drain against parallel 18.6k/s), class
# metadata at most 128 MB, a 64 MB code cache, 512 KB thread stacks; the benchmarks and the pods also set
# MALLOC_ARENA_MAX=2.
DEPLOYED_JVM_FLAGS="-XX:+UseParallelGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k"
# aml-service also: a young generation of 144 MB (left to itself the collector shrank it to about 45 MB, collected
# 7 times a second, each time copying the polls in flight; with 144 MB young pauses took half the time; the old
# generation holds the live set of about 40-50 MB), and class metadata first collected at 112 MB (the service's is 87
# MB once started; from the default threshold, about 21 MB, it passed a new one three times while starting and once
# more a minute into the run, each time a full collection of 150-690 ms). The whole heap from the start (-Xms): a
# small initial heap gives a small young generation. And the C library's heap trimmed every second
# (TrimNativeHeapInterval, a product flag since JDK 17.0.11): memory the JIT and the libraries malloc'd and freed
# stays resident otherwise; peak RSS 494-497 MB with it against 508-510 without, two pairs alternated, the same rate.
AML_DEPLOYED_JVM_FLAGS="$DEPLOYED_JVM_FLAGS -Xmn144m -XX:MetaspaceSize=112m -XX:TrimNativeHeapInterval=1000"
# The heap of each (-Xmx; aml-service's also -Xms). 256 MB took aml-service to 514-523 MB resident on one host,
# licensing- and notification-service to 532 and 531 MB.
declare -gA DEPLOYED_HEAP=([aml]=240m [capital]=256m [licensing]=224m [notification]=224m)
