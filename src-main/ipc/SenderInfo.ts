/** Who sent a call: the URL of the frame (Electron) or the Origin of the WebSocket connection (dev host). */
export interface SenderInfo {
  url: string;
}
