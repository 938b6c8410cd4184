// One Chromium and one portal at a time: on a 2-core machine, parallel browsers only make waits longer and flakier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
