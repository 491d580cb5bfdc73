#!/usr/bin/python3
"""Reference implementation of the pssr-fiji networks and twin training step in plain PyTorch.

The same U-Net as org.pssr.train.UNet (layers, order, initialisation scheme, shapes), the same
stability-loss twin step (both degradations as one batch of 2B, one backward, AdamW) and the same
inference, so `pssr bench` can put our figures next to what a Python PSSR user would get on the
same machine with the same thread count. Prints one JSON object on stdout.

Needs Debian's PyTorch and an optimised BLAS:
  sudo apt-get install python3-torch libopenblas0-pthread   (then run with /usr/bin/python3)
Debian's libtorch links the generic libblas.so.3, which without OpenBLAS is the unoptimised
reference BLAS: convolutions (oneDNN) run at full speed, but torch.matmul and attention at a few
GFLOP/s. Every answer names the BLAS that was loaded ("blas").

  pssr_reference.py describe
  pssr_reference.py train  --preset small --tile 128 --batch 4 --warmup 1 --reps 3 --threads 2
  pssr_reference.py infer  --preset small --lr 256 --warmup 1 --reps 3 --threads 2
  pssr_reference.py matmul --size 2048 --warmup 1 --reps 3 --threads 2
  (train, infer and matmul take --device cuda: a PyTorch for Python built with CUDA)
  pssr_reference.py crappify --recipe pssr --tile 128 --count 64 --warmup 1 --reps 3
  pssr_reference.py superres --preset fast --input lr.tif --output sr.tif --lr-tile 64 --threads 2

superres is `pssr superres` of a whole movie, as PSSR's own inference scripts do it (needs Debian's
python3-tifffile): percentiles of sampled frames, a mirrored window sliding over the movie, each
window in overlapping tiles blended with the same raised-cosine weights, every output frame
appended to a float32 TIFF as soon as it is computed. Random weights: it measures speed.

crappify is NumPy only (python3-torch brings python3-numpy): the twin draw of
org.pssr.crappify.TwinCrappifier with the same recipes, in one thread, as a PSSR user writes it.
"""
import argparse
import json
import math
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {
    # widths, res blocks per level, self-attention, U-Net on the LR grid
    "pssr": ([32, 64, 128, 256, 512], 2, True, False),
    "small": ([16, 32, 64, 64], 1, False, False),
    "fast": ([32, 64, 128, 128], 1, False, True),
}

# LR window sides (height x width) whose output shapes `describe` reports; multiples of every
# preset's LR multiple, and not square, so a swapped axis shows.
DESCRIBE_SIDES = ((16, 24), (32, 16))


def he_normal_(weight, fan_in, gain):
    with torch.no_grad():
        weight.normal_(0.0, gain * math.sqrt(2.0 / fan_in))


class Conv(nn.Module):
    """Convolution with bias, optionally followed by pixel shuffle (then ICNR-initialised)."""

    def __init__(self, cin, cout, k, stride=1, shuffle=1, gain=1.0):
        super().__init__()
        subs = shuffle * shuffle
        self.conv = nn.Conv2d(cin, cout * subs, k, stride=stride, padding=k // 2, bias=True)
        std_fan = cin * k * k
        with torch.no_grad():
            base = torch.empty(cout, cin, k, k)
            he_normal_(base, std_fan, gain)
            self.conv.weight.copy_(base.repeat_interleave(subs, dim=0))
            self.conv.bias.zero_()
        self.shuffle = nn.PixelShuffle(shuffle) if shuffle > 1 else None

    def forward(self, x):
        y = self.conv(x)
        return self.shuffle(y) if self.shuffle is not None else y


def norm(c):
    # DJL's momentum 0.9 keeps 0.9 of the running value; PyTorch's momentum is the new part.
    return nn.BatchNorm2d(c, eps=1e-5, momentum=0.1)


class ConvBn(nn.Module):
    def __init__(self, cin, cout, k, stride=1):
        super().__init__()
        self.conv = Conv(cin, cout, k, stride)
        self.bn = norm(cout)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.a = ConvBn(c, c, 3)
        self.b = Conv(c, c, 3)
        self.bn = norm(c)

    def forward(self, x):
        return F.relu(self.bn(self.b(self.a(x))) + x)


class Attention(nn.Module):
    """SAGAN self-attention, gamma starting at 0 (identity)."""

    def __init__(self, c):
        super().__init__()
        k = max(1, c // 8)
        self.query = Conv(c, k, 1)
        self.key = Conv(c, k, 1)
        self.value = Conv(c, c, 1)
        self.gamma = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        n, c, h, w = x.shape
        q = self.query(x).reshape(n, -1, h * w)
        k = self.key(x).reshape(n, -1, h * w)
        v = self.value(x).reshape(n, -1, h * w)
        beta = torch.softmax(torch.bmm(q.transpose(1, 2), k), dim=1)
        return torch.bmm(v, beta).reshape(n, c, h, w) * self.gamma + x


class UNet(nn.Module):
    def __init__(self, preset, frames=3, scale=4):
        super().__init__()
        widths, res_blocks, attention, low_res = PRESETS[preset]
        self.frames, self.scale, self.low_res = frames, scale, low_res
        depth = len(widths) - 1
        self.stem = ConvBn(frames, widths[0], 3)
        self.encoder = nn.ModuleList(
            nn.Sequential(*[Residual(widths[l]) for _ in range(res_blocks)]) for l in range(depth))
        self.down = nn.ModuleList(ConvBn(widths[l], widths[l + 1], 3, 2) for l in range(depth))
        self.bottleneck = nn.Sequential(*[Residual(widths[depth]) for _ in range(max(1, res_blocks))])
        self.attention = Attention(widths[depth]) if attention else None
        self.up = nn.ModuleList(Conv(widths[l + 1], widths[l], 1, shuffle=2)
                                for l in reversed(range(depth)))
        self.merge = nn.ModuleList(ConvBn(2 * widths[l], widths[l], 3) for l in reversed(range(depth)))
        self.head = (Conv(widths[0], 1, 3, shuffle=scale, gain=0.1) if low_res
                     else Conv(widths[0], 1, 1, gain=0.1))

    def upsample(self, x):
        return F.interpolate(x, scale_factor=self.scale, mode="bilinear", align_corners=False)

    def forward(self, lr):
        c = self.frames // 2
        centre = self.upsample(lr[:, c:c + 1])
        a = self.stem(lr if self.low_res else self.upsample(lr))
        skips = []
        for blocks, down in zip(self.encoder, self.down):
            a = blocks(a)
            skips.append(a)
            a = down(a)
        a = self.bottleneck(a)
        if self.attention is not None:
            a = self.attention(a)
        for up, merge, skip in zip(self.up, self.merge, reversed(skips)):
            a = merge(torch.cat([F.relu(up(a)), skip], dim=1))
        return self.head(a) + centre


def l1(a, b):
    return (a - b).abs().mean()


def median_seconds(warmup, reps, work):
    for _ in range(warmup):
        work()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def profiled(args, work):
    """median_seconds, under the profiler with --profile (operator table on stderr)."""
    if not args.profile:
        return median_seconds(args.warmup, args.reps, work)
    with torch.autograd.profiler.profile() as prof:
        s = median_seconds(args.warmup, args.reps, work)
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=25), file=sys.stderr)
    return s


def peak_rss_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec, so
    # under the Java harness it would report the JVM's peak.
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def describe(args):
    out = {}
    for preset in ("small", "pssr", "fast"):
        net = UNet(preset, args.frames, args.scale).eval()
        shapes = {}
        for h, w in DESCRIBE_SIDES:
            with torch.no_grad():
                y = net(torch.rand(2, args.frames, h, w))
            shapes["%dx%d" % (h, w)] = list(y.shape)
        out[preset] = {
            "parameters": sum(p.numel() for p in net.parameters()),
            "buffers": sum(b.numel() for name, b in net.named_buffers()
                           if not name.endswith("num_batches_tracked")),
            "outputShapes": shapes,
        }
    return {"frames": args.frames, "scale": args.scale, "presets": out}


def train(args):
    torch.manual_seed(args.seed)
    net = UNet(args.preset, args.frames, args.scale).to(args.device).train()
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-8,
                            weight_decay=1e-3)
    lr_side = args.tile // args.scale
    b = args.batch
    x1 = torch.rand(b, args.frames, lr_side, lr_side, device=args.device)
    x2 = torch.rand(b, args.frames, lr_side, lr_side, device=args.device)
    target = torch.rand(b, 1, args.tile, args.tile, device=args.device)

    def step():
        # Both twins in one batch of 2B, as org.pssr.train.StabilityTrainer does.
        y = net(torch.cat([x1, x2]))
        y1, y2 = y[:b], y[b:]
        loss = l1(y1, target) + l1(y2, target) + args.stability * l1(y1, y2)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    s = profiled(args, step)
    return {"secondsPerStep": s, "samplesPerSecond": b / s, "peakRssMB": peak_rss_mb()}


def infer(args):
    torch.manual_seed(args.seed)
    net = UNet(args.preset, args.frames, args.scale).to(args.device).eval()
    window = torch.rand(1, args.frames, args.lr, args.lr, device=args.device)

    def work():
        # to the CPU, as pssr hands out a float array: on a GPU, that also waits for the frame
        with torch.no_grad():
            net(window).cpu().numpy()

    s = profiled(args, work)
    hr = args.lr * args.scale
    return {"secondsPerFrame": s, "outputMegapixelsPerSecond": hr * hr / 1e6 / s,
            "peakRssMB": peak_rss_mb()}


def matmul(args):
    a = torch.rand(args.size, args.size, device=args.device)
    b = torch.rand(args.size, args.size, device=args.device)
    # a GPU queues the product: reading one number of it waits for it, as the Java side does
    s = median_seconds(args.warmup, args.reps,
                       lambda: torch.matmul(a, b)[0, 0].item() if args.device == "cuda"
                       else torch.matmul(a, b))
    return {"seconds": s, "gflops": 2.0 * args.size ** 3 / s / 1e9}


def gaussian_kernel(sigma):
    r = max(1, int(math.ceil(3 * sigma)))
    x = np.arange(-r, r + 1, dtype=np.float64)
    k = np.exp(-x * x / (2 * sigma * sigma))
    return (k / k.sum()).astype(np.float32)


def blur(image, sigma):
    """Separable Gaussian, mirrored borders, as org.pssr.crappify.Tiles.gaussianBlur."""
    k = gaussian_kernel(sigma)
    r = len(k) // 2
    h, w = image.shape
    p = np.pad(image, ((0, 0), (r, r)), mode="symmetric")
    rows = sum(k[i] * p[:, i:i + w] for i in range(len(k)))
    p = np.pad(rows, ((r, r), (0, 0)), mode="symmetric")
    return sum(k[i] * p[i:i + h, :] for i in range(len(k)))


def downsample(image, scale):
    h, w = image.shape
    return image.reshape(h // scale, scale, w // scale, scale).mean(axis=(1, 3))


def pssr_twins(x, scale, rng, salt=0.005, pepper=0.005, sigma=5.0, variance=0.05):
    """PSSR's new_crap_AG_SP, twice with one blurred copy: salt and pepper, Poisson-like Gaussian
    noise, clipped, then an area-average downsampling."""
    x = np.clip(x, 0, 1)
    sd = np.sqrt(variance * (np.maximum(blur(x, sigma), 0) + 1e-10))
    twins = []
    for _ in range(2):
        u = rng.random(x.shape)
        y = np.where(u < salt, 1.0, np.where(u < salt + pepper, 0.0, x))
        y = np.clip(y + sd * rng.standard_normal(x.shape), 0, 1)
        twins.append(downsample(y.astype(np.float32), scale))
    return twins


def poisson_twins(x, scale, rng, photons=50.0, readnoise=1.0):
    """Downsampling first, then shot noise on the LR grid and Gaussian read noise."""
    lr = downsample(x, scale)
    return [((rng.poisson(photons * np.maximum(lr, 0)) + readnoise * rng.standard_normal(lr.shape))
             / photons).astype(np.float32) for _ in range(2)]


def crappify(args):
    rng = np.random.default_rng(args.seed)
    side = 512
    movie = rng.random((8, side, side), dtype=np.float32)
    twins = {"pssr": pssr_twins, "poisson": poisson_twins}[args.recipe]
    half = args.frames // 2

    def work():
        for _ in range(args.count):
            t = int(rng.integers(half, movie.shape[0] - half))
            y, x = (int(v) for v in rng.integers(0, side - args.tile, 2))
            tuple_ = movie[t - half:t + half + 1, y:y + args.tile, x:x + args.tile]
            pairs = [twins(frame, args.scale, rng) for frame in tuple_]
            x1 = np.stack([p[0] for p in pairs])
            x2 = np.stack([p[1] for p in pairs])
            target = tuple_[half].copy()
            assert x1.shape == x2.shape and target.shape == (args.tile, args.tile)

    s = median_seconds(args.warmup, args.reps, work)
    return {"secondsPerRep": s, "tuplesPerSecond": args.count / s, "numpy": np.__version__}


def axis(length, side, overlap):
    """Tile starts and size along one axis, as org.pssr.train.infer.TiledPredictor lays them out."""
    size = min(side, length)
    count = 1 if size == length else math.ceil((length - overlap) / (size - overlap))
    starts = [0] if count == 1 else [round(i * (length - size) / (count - 1)) for i in range(count)]
    return starts, size


def ramp(n, left, right, margin):
    """HR weights across one tile: 0 in the margin of a shared edge, then a raised cosine to 1."""
    def one(d, overlap):
        rise = overlap - 2 * margin
        w = np.ones_like(d, dtype=np.float32)
        if overlap <= 0:
            return w
        w[d < margin] = 0
        mid = (d >= margin) & (d < margin + rise)
        w[mid] = np.sin(np.pi / 2 * (d[mid] - margin + 0.5) / rise) ** 2
        return w
    d = np.arange(n)
    return one(d, left) * one(n - 1 - d, right)


def tile_weights(starts, size, length, scale, margin):
    out = []
    for i, s in enumerate(starts):
        prev_end = 0 if i == 0 else starts[i - 1] + size
        next_start = length if i == len(starts) - 1 else starts[i + 1]
        out.append(ramp(size * scale, (prev_end - s) * scale, (s + size - next_start) * scale,
                        margin * scale))
    return out


def predict_tiled(net, window, side, scale):
    frames, height, width = window.shape
    overlap = min(64, side // 2)
    margin = overlap // 4
    xs, tw = axis(width, side, overlap)
    ys, th = axis(height, side, overlap)
    wx = tile_weights(xs, tw, width, scale, margin)
    wy = tile_weights(ys, th, height, scale, margin)
    total = np.zeros((height * scale, width * scale), np.float32)
    weight = np.zeros_like(total)
    for j, y0 in enumerate(ys):
        for i, x0 in enumerate(xs):
            tile = torch.from_numpy(np.ascontiguousarray(window[:, y0:y0 + th, x0:x0 + tw]))
            with torch.no_grad():
                out = net(tile[None])[0, 0].numpy()
            w = wy[j][:, None] * wx[i][None, :]
            total[y0 * scale:(y0 + th) * scale, x0 * scale:(x0 + tw) * scale] += w * out
            weight[y0 * scale:(y0 + th) * scale, x0 * scale:(x0 + tw) * scale] += w
    return total / weight


def superres(args):
    import tifffile
    t0 = time.perf_counter()
    torch.manual_seed(args.seed)
    net = UNet(args.preset, args.frames, args.scale).eval()
    half = args.frames // 2
    with tifffile.TiffFile(args.input) as tif, tifffile.TiffWriter(args.output) as out:
        pages = tif.pages
        n = len(pages)
        k = min(16, n)
        sample = [pages[0 if k == 1 else round(i * (n - 1) / (k - 1))].asarray().astype(np.float32)
                  for i in range(k)]
        low, high = np.percentile(np.concatenate([f.ravel() for f in sample]), [0.1, 99.9])
        recent = {}
        for t in range(n):
            indices = [abs(i) if i < n else 2 * (n - 1) - i for i in range(t - half, t + half + 1)]
            for i in indices:
                if i not in recent:
                    recent[i] = (pages[i].asarray().astype(np.float32) - low) / (high - low)
            for i in [i for i in recent if i not in indices]:
                del recent[i]
            hr = predict_tiled(net, np.stack([recent[i] for i in indices]), args.lr_tile, args.scale)
            out.write(hr * (high - low) + low, contiguous=True)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "frames": n, "framesPerSecond": n / seconds,
            "peakRssMB": peak_rss_mb(), "tifffile": tifffile.__version__}


def loaded_blas():
    """The BLAS library file this process loaded (Debian's alternatives resolve libblas.so.3 to it)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in path.rsplit("/", 1)[-1] or "/blas/" in path or "openblas" in path:
                    return path
    except OSError:
        pass
    return "none of its own (linked into PyTorch)"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("mode", choices=["describe", "train", "infer", "matmul", "crappify",
                                       "superres"])
    p.add_argument("--preset", default="small", choices=sorted(PRESETS))
    p.add_argument("--frames", type=int, default=3)
    p.add_argument("--scale", type=int, default=4)
    p.add_argument("--tile", type=int, default=128, help="HR tile side (train)")
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--stability", type=float, default=1.0)
    p.add_argument("--lr", type=int, default=256, help="LR frame side (infer)")
    p.add_argument("--size", type=int, default=2048, help="matrix side (matmul)")
    p.add_argument("--recipe", default="pssr", choices=["pssr", "poisson"], help="crappify")
    p.add_argument("--count", type=int, default=64, help="twin tuples per repetition (crappify)")
    p.add_argument("--lr-tile", type=int, default=64, help="LR tile side (superres)")
    p.add_argument("--input", help="LR movie, TIFF (superres)")
    p.add_argument("--output", help="super-resolved movie, TIFF (superres)")
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"],
                   help="train, infer, matmul: where the network and its tensors live")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--profile", action="store_true", help="train, infer: operator table on stderr")
    args = p.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
        torch.set_num_interop_threads(args.threads)
    result = {"describe": describe, "train": train, "infer": infer, "matmul": matmul,
              "crappify": crappify, "superres": superres}[args.mode](args)
    result["torch"] = torch.__version__
    result["blas"] = loaded_blas()
    result["threads"] = torch.get_num_threads()
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
