#!/usr/bin/python3
"""PyTorch peer of benchmarks/LotteryTickets.Benchmarks: the same workloads, shapes and hyper-parameters.

Run with Debian's PyTorch (apt-get install python3-torch; it uses the system BLAS, OpenBLAS with
libopenblas0-pthread):

    /usr/bin/python3 benchmarks/peers/pytorch_peer.py [--filter SUBSTRING] [--json OUT.json]

Timing mirrors BenchmarkDotNet's short job: each workload is calibrated so that one sample (an "iteration")
takes about 0.5 s, 2 warm-up samples are discarded, 7 samples are measured; a sample's value is its mean time per
call, and the median (and min/max) of the samples are printed. torch.set_num_threads and the BLAS thread pool
(threadpoolctl, which Debian's python3-sklearn pulls in; ctypes otherwise) are set per workload to the C# side's
count: Debian's OpenBLAS would otherwise run 2 threads even when torch is told 1.
"""

import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from peer_timing import main as peer_main, set_blas_threads

# Keep in step with benchmarks/LotteryTickets.Benchmarks/Workload.cs.
TRAIN_COUNT = 8_000
TEST_COUNT = 2_000
BATCH_SIZE = 60
LEARNING_RATE = 1.2e-3
EVAL_BATCH_SIZE = 1_000
MODEL_SEED = 1
ORDER_SEED = 7
CONV_WIDTH, FC_WIDTH = 32, 64
REMAINING = 0.2



# ----------------------------------------------------------------------------------------------------------------
# Threads: torch's intra-op pool and the BLAS pool (peer_timing.set_blas_threads).

def set_threads(n):
    torch.set_num_threads(n)
    assert torch.get_num_threads() == n, (n, torch.get_num_threads())
    set_blas_threads(n)


# ----------------------------------------------------------------------------------------------------------------
# Data and models, as the C# side builds them.

def blobs(count, seed):
    """Gaussian blobs shaped like MNIST: centres N(0,1) (seed 12345), example = 0.3 centre + N(0,1) noise."""
    centre_gen = torch.Generator().manual_seed(12345)
    gen = torch.Generator().manual_seed(seed)
    centres = torch.randn(10, 784, generator=centre_gen)
    labels = torch.randint(0, 10, (count,), generator=gen, dtype=torch.int64)
    noise = torch.randn(count, 784, generator=gen)
    inputs = (centres.index_select(0, labels) * 0.3 + noise).reshape(count, 1, 28, 28).contiguous()
    return inputs, labels


class LeNet300100(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 300)
        self.fc2 = nn.Linear(300, 100)
        self.fc3 = nn.Linear(100, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.flatten(1)))
        x = F.relu(self.fc2(x))
        return self.fc3(x)

    prunable = ("fc1.weight", "fc2.weight", "fc3.weight")


class Conv2(nn.Module):
    def __init__(self, conv_width=64, fc_width=256):
        super().__init__()
        self.conv1 = nn.Conv2d(1, conv_width, 3, padding=1)
        self.conv2 = nn.Conv2d(conv_width, conv_width, 3, padding=1)
        self.fc1 = nn.Linear(conv_width * 14 * 14, fc_width)
        self.fc2 = nn.Linear(fc_width, fc_width)
        self.fc3 = nn.Linear(fc_width, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2).flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def make(model_cls, *args):
    torch.manual_seed(MODEL_SEED)
    return model_cls(*args)


# ----------------------------------------------------------------------------------------------------------------
# The library's operations, written the way a PyTorch user (and open_lth) writes them.

def global_magnitude_prune(current_mask, model, fraction):
    """open_lth's sparse_global: remove ceil(fraction x remaining) of the surviving weights with the smallest |w|."""
    state = model.state_dict()
    weights = {k: state[k].clone().cpu().detach().numpy() for k in current_mask}
    remaining = sum(int(m.sum()) for m in current_mask.values())
    to_prune = math.ceil(fraction * remaining)
    vector = np.concatenate([np.abs(v[current_mask[k] == 1]) for k, v in weights.items()])
    threshold = np.sort(vector)[to_prune]
    return {k: torch.from_numpy(np.where(np.abs(v) > threshold, current_mask[k], np.zeros_like(v)).astype(bool))
            for k, v in weights.items()}


def dense_mask(model):
    return {k: np.ones(tuple(model.state_dict()[k].shape), dtype=np.float32) for k in model.prunable}


class MaskedModel:
    """Pairs of (parameter, float multiplier) for layers that lost weights; apply() zeroes the pruned ones."""

    def __init__(self, model, mask):
        params = dict(model.named_parameters())
        self.pairs = [(params[k], m.to(params[k].dtype)) for k, m in mask.items() if not bool(m.all())]

    def apply(self):
        with torch.no_grad():
            for p, m in self.pairs:
                p.mul_(m)


def evaluate(model, inputs, labels, batch_size=EVAL_BATCH_SIZE):
    """Trainer.Evaluate: eval mode, no_grad, batches of 1,000, one host read at the end."""
    was_training = model.training
    model.eval()
    correct = torch.zeros(1, dtype=torch.int64)
    with torch.no_grad():
        for start in range(0, inputs.shape[0], batch_size):
            predicted = model(inputs.narrow(0, start, min(batch_size, inputs.shape[0] - start))).argmax(1)
            correct.add_(predicted.eq(labels.narrow(0, start, predicted.shape[0])).sum())
    if was_training:
        model.train()
    return correct.item() / inputs.shape[0]


def train_one_epoch(model, masked, train, test, seed):
    """Trainer.Train with Epochs = 1: a fresh Adam, a seeded order, loss summed on the device, mask after every step,
    then the end-of-epoch evaluation (train loss read to the host, accuracy on the test set)."""
    inputs, labels = train
    if masked is not None:
        masked.apply()
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    generator = torch.Generator().manual_seed(seed)
    loss_sum = torch.zeros(1)
    n = inputs.shape[0]
    per_epoch = (n + BATCH_SIZE - 1) // BATCH_SIZE
    model.train()
    order = torch.randperm(n, generator=generator)
    for b in range(per_epoch):
        start = b * BATCH_SIZE
        idx = order.narrow(0, start, min(BATCH_SIZE, n - start))
        x = inputs.index_select(0, idx)
        y = labels.index_select(0, idx)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        if masked is not None:
            masked.apply()
        loss_sum.add_(loss.detach())
    _ = loss_sum.item() / per_epoch
    return evaluate(model, *test)


def train_step(model, optimizer, x, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()


# ----------------------------------------------------------------------------------------------------------------
# Timing.

def workloads():
    """(name, threads, setup) where setup() returns the function to time; names match the C# Descriptions."""
    train = blobs(TRAIN_COUNT, 1)
    test = blobs(TEST_COUNT, 2)

    def lenet_epoch(masked_run):
        def setup():
            model = make(LeNet300100)
            masked = None
            if masked_run:
                masked = MaskedModel(model, global_magnitude_prune(dense_mask(model), model, 1 - REMAINING))
            seed = [ORDER_SEED]

            def run():
                train_one_epoch(model, masked, train, test, seed[0])
                seed[0] += 1
            return run
        return setup

    def lenet_step():
        model = make(LeNet300100)
        optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
        x, y = train[0].narrow(0, 0, BATCH_SIZE), train[1].narrow(0, 0, BATCH_SIZE)
        model.train()
        return lambda: train_step(model, optimizer, x, y)

    def lenet_mask():
        model = make(LeNet300100)
        masked = MaskedModel(model, global_magnitude_prune(dense_mask(model), model, 1 - REMAINING))
        return masked.apply

    def lenet_eval():
        model = make(LeNet300100)
        return lambda: evaluate(model, *test)

    def conv_step():
        model = make(Conv2, CONV_WIDTH, FC_WIDTH)
        optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
        data = blobs(BATCH_SIZE * 4, 1)
        x, y = data[0].narrow(0, 0, BATCH_SIZE), data[1].narrow(0, 0, BATCH_SIZE)
        model.train()
        return lambda: train_step(model, optimizer, x, y)

    def lenet_imp_level():
        """IterativeMagnitudePruning.PruneNext + TrainLevel(level 1): prune 20 % of level 0's trained weights, a fresh
        seeded model, the rewind (initial) weights loaded, the mask applied, one masked epoch with its evaluation
        (data order seeded by the run's seed, as TrainLevel does), the trained weights captured."""
        level0 = make(LeNet300100)
        rewind = {k: v.detach().clone() for k, v in level0.state_dict().items()}
        train_one_epoch(level0, None, train, test, MODEL_SEED)
        dense = dense_mask(level0)

        def run():
            mask = global_magnitude_prune(dense, level0, 0.2)
            model = make(LeNet300100)
            model.load_state_dict(rewind)
            accuracy = train_one_epoch(model, MaskedModel(model, mask), train, test, MODEL_SEED)
            trained = {k: v.detach().clone() for k, v in model.state_dict().items()}
            return accuracy, trained
        return run

    def lenet_prune():
        model = make(LeNet300100)
        dense = dense_mask(model)
        return lambda: global_magnitude_prune(dense, model, 0.2)

    return [
        ("conv2_32_64_train_step [threads=2]", 2, conv_step),
        ("conv2_32_64_train_step [threads=1]", 1, conv_step),
        ("lenet_epoch_dense", 1, lenet_epoch(False)),
        ("lenet_epoch_masked20", 1, lenet_epoch(True)),
        ("lenet_train_step", 1, lenet_step),
        ("lenet_apply_mask20", 1, lenet_mask),
        ("lenet_eval_2000", 1, lenet_eval),
        ("lenet_global_prune", 1, lenet_prune),
        ("lenet_imp_level", 1, lenet_imp_level),
    ]


def main():
    peer_main("PyTorch peer", __doc__.split("\n\n")[0],
              {"torch": torch.__version__, "numpy": np.__version__, "mkldnn": torch.backends.mkldnn.is_available()},
              workloads, set_threads)

if __name__ == "__main__":
    main()
