import "server-only";
import { Zip, ZipDeflate } from "fflate";

// A zip written as it is produced: fflate's streaming Zip hands each compressed piece to `take`
// synchronously, and the generator that drives it yields them to a ReadableStream whose pull()
// asks for the next step only when the client has read the last — so a long history is never
// held in memory whole, only the current page of versions and what the socket has not taken yet.

const encoder = new TextEncoder();

export class ZipWriter {
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((err, data) => {
    if (err) this.failure = err;
    else this.pending.push(data);
  });

  /** Opens an entry; write its text with `write(entry, text, final)`. Entries are written in order. */
  open(name: string): ZipDeflate {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return file;
  }

  write(entry: ZipDeflate, text: string, final = false): void {
    entry.push(encoder.encode(text), final);
  }

  /** A whole entry at once. */
  file(name: string, text: string): void {
    this.write(this.open(name), text, true);
  }

  end(): void {
    this.zip.end();
  }

  /** The compressed bytes produced since the last call. */
  drain(): Uint8Array[] {
    if (this.failure) throw this.failure;
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** A byte stream pulled from an async generator of chunks (one generator step per pull). */
export function streamOf(chunks: AsyncGenerator<Uint8Array[]>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const step = await chunks.next();
          if (step.done) {
            controller.close();
            return;
          }
          if (step.value.length) {
            for (const chunk of step.value) controller.enqueue(chunk);
            return;
          }
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** Collects a stream into one buffer (tests and the account-export job, which stores the zip). */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}
