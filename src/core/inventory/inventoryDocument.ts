import { buildInventory, type InventoryFileInput, type InventoryOptions } from './inventory';
import { inventoryMarkdown } from './renderInventory';

export type InventoryFormat = 'markdown' | 'json';

export const INVENTORY_FILE_NAMES: Readonly<Record<InventoryFormat, string>> = { markdown: 'ai-ephi-inventory.md', json: 'ai-ephi-inventory.json' };

/** The exported AI & ePHI inventory: the engine's Markdown (with its Mermaid map) or the same data as JSON. */
export function inventoryDocument(inputs: readonly InventoryFileInput[], options: InventoryOptions, format: InventoryFormat): string {
  const inventory = buildInventory(inputs, options);
  return format === 'json' ? `${JSON.stringify(inventory, null, 2)}\n` : inventoryMarkdown(inventory);
}
