// The lesson tests train networks and every test here starts a kernel: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
