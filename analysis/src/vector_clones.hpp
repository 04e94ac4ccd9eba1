#pragma once
// HUESCOPE_VECTOR_CLONES marks a hot loop to be compiled twice, for AVX2 and for baseline
// x86-64, with the loader picking the version the CPU runs (GCC function multiversioning,
// `target_clones`): a distribution binary cannot assume AVX2, and the per-pixel loops are the
// whole cost of an analysis (docs/performance.md). Elsewhere (clang, other CPUs) a no-op.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HUESCOPE_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HUESCOPE_VECTOR_CLONES
#endif
