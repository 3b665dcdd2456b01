import net from 'node:net';

/** vpcd's control bytes (vsmartcard's vpcd.h): a one-byte message from the reader. */
const POWER_OFF = 0x00;
const POWER_ON = 0x01;
const RESET = 0x02;
const GET_ATR = 0x04;

export interface VpcdHandlers {
  atr: Buffer;
  /** Power off, power on or reset: the card's volatile state is gone. */
  onPowerEvent(event: 'off' | 'on' | 'reset'): void;
  /** A command APDU; answer the response APDU, or null to drop the connection without answering (a killed card). */
  onApdu(apdu: Buffer): Buffer | null;
}

export interface VpcdConnection {
  /** Closes the socket: vpcd reports the card removed. */
  close(): void;
  /** Settles when the socket is closed, by us or by vpcd. */
  readonly closed: Promise<void>;
}

/**
 * The card side of vsmartcard's vpcd reader driver: the card is the TCP client; every message either way is a
 * two-byte big-endian length and a payload. Connecting is inserting the card, closing is removing it.
 */
export function connectToVpcd(host: string, port: number, handlers: VpcdHandlers): Promise<VpcdConnection> {
  return new Promise((resolve, reject) => {
    // Each answer goes out in one write, at once. (The 40 ms an APDU that vpcd's own two writes cost is the card
    // kernel's delayed ACK: startReaderStack's quick-ACK address is the cure, no socket option here is.)
    const socket = net.connect({ host, port, noDelay: true });
    let buffered = Buffer.alloc(0);
    const closed = new Promise<void>((settle) => socket.once('close', () => settle()));
    const send = (payload: Buffer) => {
      const head = Buffer.alloc(2);
      head.writeUInt16BE(payload.length);
      socket.write(Buffer.concat([head, payload]));
    };
    const onMessage = (message: Buffer) => {
      if (message.length === 1) {
        const control = message[0];
        if (control === GET_ATR) send(handlers.atr);
        else if (control === POWER_OFF) handlers.onPowerEvent('off');
        else if (control === POWER_ON) handlers.onPowerEvent('on');
        else if (control === RESET) handlers.onPowerEvent('reset');
        return;
      }
      const answer = handlers.onApdu(message);
      if (answer) send(answer);
      else socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) break;
        const message = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        if (socket.destroyed) return;
        onMessage(Buffer.from(message));
      }
    });
    socket.once('connect', () => {
      socket.off('error', reject);
      // After the connection, an error (vpcd gone) is just a removal: `closed` settles.
      socket.on('error', () => undefined);
      resolve({ close: () => socket.destroy(), closed });
    });
    socket.once('error', reject);
  });
}
