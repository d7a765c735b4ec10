/**
 * Benchmarks, run by {@code ./mvnw -Pbench verify} and never by the ordinary build; each writes JSON and a
 * Markdown table to {@code target/bench/}. See docs/performance.md.
 */
package cn.studyflow.bench;
