// Torch's random generator and the process's resident memory are global: tests that seed, train or
// measure memory must not interleave, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
