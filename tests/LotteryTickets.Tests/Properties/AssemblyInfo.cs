// Tests run one at a time: the machine has two cores, libtorch work is timed in places (printed, never asserted),
// and the notebook tests start kernels of their own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
