// The launcher's commands run as processes that build, fetch or train: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
