#!/usr/bin/env python3
"""The Lamina benchmark models in PyTorch on the CPU with one thread.

Forward (inference under torch.no_grad) and train step (forward, loss, backward, Adam step),
batch 1 and 32, timed like the JMH suite: warm-up time, then measured iterations of a fixed
duration, ns/op = mean over the iterations. Prints TSV (model, batch, mode, ns_op) to stdout or to
--out. The models mirror bench/src/main/resources/dev/lamina/bench/*.lamina (Keras semantics:
valid padding unless stated, Adam with Keras' epsilon 1e-7); inputs are laid out (batch,
channels, steps) as PyTorch's Conv1d expects, and dropout is left out (the JMH train step runs
with dropout off; at inference it is the identity). Batch normalization runs in training mode in
the train step (model.train()) and in inference mode in the forward pass (model.eval()), as in
Lamina; PyTorch's momentum is 1 - Keras's, its eps Keras's epsilon.
"""
import argparse
import sys
import time

import torch
from torch import nn

KERAS_EPSILON = 1e-7


class ActivityCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(2, 100, 10), nn.ReLU(),
            nn.Conv1d(100, 100, 10), nn.ReLU(),
            nn.MaxPool1d(3),
            nn.Conv1d(100, 160, 10), nn.ReLU(),
            nn.Conv1d(160, 160, 10), nn.ReLU(),
        )
        self.dense = nn.Linear(160, 4)

    def forward(self, x):
        return torch.softmax(self.dense(self.features(x).mean(dim=2)), dim=1)


class TextCnn(nn.Module):
    def __init__(self, vocabulary=2000, dims=300):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, dims)
        self.conv = nn.Conv1d(dims, 100, 5, padding="same")
        self.dense = nn.Linear(100, 1)

    def forward(self, ids):
        h = torch.relu(self.conv(self.embedding(ids).transpose(1, 2)))
        return torch.sigmoid(self.dense(h.amax(dim=2)))


def batch_norm(channels, keras_momentum=0.99):
    return nn.BatchNorm1d(channels, eps=1e-3, momentum=1 - keras_momentum)


class Fcn(nn.Module):
    """samples/models/fcn.lamina: Wang et al. 2017, 511 steps of 2 channels, 4 classes."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(2, 128, 8, padding="same"), batch_norm(128, 0.9), nn.ReLU(),
            nn.Conv1d(128, 256, 5, padding="same"), batch_norm(256, 0.9), nn.ReLU(),
            nn.Conv1d(256, 128, 3, padding="same"), batch_norm(128, 0.9), nn.ReLU(),
        )
        self.dense = nn.Linear(128, 4)

    def forward(self, x):
        return torch.softmax(self.dense(self.features(x).mean(dim=2)), dim=1)


class InceptionModule(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.bottleneck = nn.Conv1d(channels, 32, 1, bias=False)
        self.branches = nn.ModuleList(nn.Conv1d(32, 32, k, padding="same", bias=False) for k in (40, 20, 10))
        self.pool = nn.MaxPool1d(3, stride=1, padding=1)
        self.pool_conv = nn.Conv1d(channels, 32, 1, bias=False)
        self.norm = batch_norm(128)

    def forward(self, x):
        b = self.bottleneck(x)
        h = torch.cat([branch(b) for branch in self.branches] + [self.pool_conv(self.pool(x))], dim=1)
        return torch.relu(self.norm(h))


class InceptionTime(nn.Module):
    """samples/models/inception_time.lamina: Fawaz et al. 2020, depth 6, residual every 3 modules."""

    def __init__(self):
        super().__init__()
        self.modules_ = nn.ModuleList(InceptionModule(2 if d == 0 else 128) for d in range(6))
        self.shortcuts = nn.ModuleList(
            nn.Sequential(nn.Conv1d(c, 128, 1, bias=False), batch_norm(128)) for c in (2, 128))
        self.dense = nn.Linear(128, 4)

    def forward(self, x):
        residual = x
        for d, module in enumerate(self.modules_):
            x = module(x)
            if d % 3 == 2:
                x = torch.relu(self.shortcuts[d // 3](residual) + x)
                residual = x
        return torch.softmax(self.dense(x.mean(dim=2)), dim=1)


def categorical_crossentropy(p, t):
    return -(t * torch.log(p.clamp_min(KERAS_EPSILON))).sum(dim=1).mean()


def build(name, batch, generator):
    """Returns (model, input, target, loss function, learning rate)."""
    if name == "toy":
        model = nn.Conv1d(1, 1, 2, bias=False)
        x = torch.rand(batch, 1, 4, generator=generator) * 2 - 1
        return model, x, torch.rand(batch, 1, 3, generator=generator) * 2 - 1, nn.L1Loss(), 0.05
    if name == "layer":
        model = nn.Sequential(nn.Conv1d(9, 100, 10), nn.ReLU())
        x = torch.rand(batch, 9, 128, generator=generator) * 2 - 1
        return model, x, torch.rand(batch, 100, 119, generator=generator) * 2 - 1, nn.MSELoss(), 0.001
    if name == "activity_cnn":
        x = torch.rand(batch, 2, 511, generator=generator) * 2 - 1
        target = torch.zeros(batch, 4)
        target[torch.arange(batch), torch.randint(0, 4, (batch,), generator=generator)] = 1
        return ActivityCnn(), x, target, categorical_crossentropy, 0.001
    if name in ("fcn", "inception_time"):
        x = torch.rand(batch, 2, 511, generator=generator) * 2 - 1
        target = torch.zeros(batch, 4)
        target[torch.arange(batch), torch.randint(0, 4, (batch,), generator=generator)] = 1
        model = Fcn() if name == "fcn" else InceptionTime()
        return model, x, target, categorical_crossentropy, 0.001
    if name == "text_cnn":
        ids = torch.randint(0, 2000, (batch, 50), generator=generator)
        target = torch.randint(0, 2, (batch, 1), generator=generator).float()
        return TextCnn(), ids, target, nn.BCELoss(), 0.001
    raise ValueError("unknown model " + name)


def measure(op, warmup_s, iterations, iteration_s):
    """Mean ns/op over `iterations` timed runs of at least `iteration_s` seconds each."""
    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        op()
    scores = []
    for _ in range(iterations):
        count = 0
        start = time.perf_counter_ns()
        deadline = start + int(iteration_s * 1e9)
        now = start
        while now < deadline:
            op()
            count += 1
            now = time.perf_counter_ns()
        scores.append((now - start) / count)
    return sum(scores) / len(scores)


def cases(name, batch, generator):
    model, x, target, loss_fn, lr = build(name, batch, generator)

    def forward():
        model.eval()
        with torch.no_grad():
            model(x)

    optimizer = torch.optim.Adam(model.parameters(), lr=lr, eps=KERAS_EPSILON)

    def train_step():
        model.train()
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn(model(x), target)
        loss.backward()
        optimizer.step()

    return [("forward", forward), ("train_step", train_step)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short warm-up and measurement")
    parser.add_argument("--out", help="write the TSV here instead of stdout")
    parser.add_argument("--models", default="toy,layer,activity_cnn,text_cnn,fcn,inception_time")
    parser.add_argument("--batches", default="1,32")
    args = parser.parse_args()
    warmup_s, iterations, iteration_s = (1.0, 2, 0.5) if args.quick else (5.0, 5, 2.0)

    torch.set_num_threads(1)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(42)
    lines = ["model\tbatch\tmode\tns_op"]
    for name in args.models.split(","):
        for batch in (int(b) for b in args.batches.split(",")):
            for mode, op in cases(name, batch, generator):
                ns = measure(op, warmup_s, iterations, iteration_s)
                print(f"pytorch {name} batch {batch} {mode}: {ns:.1f} ns/op", file=sys.stderr, flush=True)
                lines.append(f"{name}\t{batch}\t{mode}\t{ns:.1f}")
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
